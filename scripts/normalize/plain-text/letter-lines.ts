/**
 * Lines of a letter's or a hearing's header, which the title steps must tell from a title.
 */

/** The line of a hearing header that names the committee: "Before the House Committee on the Judiciary", "before the Subcommittee on …". */
export const hearingLine =
  /^\s*before\s+the\s+(?:[\p{L}.]+\s+){0,4}(?:committee|subcommittee|commission|council|parliament|senate|house)\b/iu;

/** The first line of a letter's inside address: a person with an honorific ("Ms Jane Smith", "The Rt. Hon William Hague MP"). */
export const honorific = /^\s*(?:the\s+)?(?:rt\.?\s+hon\.?|hon\.?|honou?rable|mr|mrs|ms|dr|prof|senator)\.?\s+\p{Lu}/iu;

/**
 * Vocabulary the source generator combines into policy texts. Topics, bodies and
 * phrases are combined at random, so no two generated briefs read the same.
 */
export interface Body {
  name: string;
  short: string;
}

export const SUBJECTS = [
  'data retention',
  'encryption',
  'facial recognition',
  'cross-border data flows',
  'broadband subsidies',
  'spectrum policy',
  'online content moderation',
  'government surveillance',
  'children’s privacy',
  'algorithmic hiring',
  'election security',
  'health data sharing',
  'intermediary liability',
  'net neutrality',
  'location tracking',
  'biometric identification',
  'cloud procurement',
  'software supply chains',
  'digital identity',
  'copyright filtering',
  'interconnection fees',
  'domain name governance',
  'automated decision-making',
  'student data',
  'smart city sensors',
  'consumer credit scoring',
] as const;

export const BODIES: readonly Body[] = [
  { name: 'Federal Communications Commission', short: 'FCC' },
  { name: 'Federal Trade Commission', short: 'FTC' },
  { name: 'European Commission', short: 'EC' },
  { name: 'International Telecommunication Union', short: 'ITU' },
  { name: 'National Institute of Standards and Technology', short: 'NIST' },
  { name: 'Department of Homeland Security', short: 'DHS' },
  { name: 'Organisation for Economic Co-operation and Development', short: 'OECD' },
  { name: 'Internet Engineering Task Force', short: 'IETF' },
  { name: 'Office of Management and Budget', short: 'OMB' },
  { name: 'Consumer Financial Protection Bureau', short: 'CFPB' },
];

export const INSTRUMENTS = [
  'proposed rule',
  'draft regulation',
  'pending bill',
  'treaty amendment',
  'guidance document',
  'executive order',
  'model law',
  'procurement standard',
  'consultation paper',
  'code of conduct',
] as const;

export const TITLE_VERBS = [
  'Threaten',
  'Would Undermine',
  'Put at Risk',
  'Could Weaken',
  'Fail to Protect',
  'Leave Gaps in',
  'Would Strengthen',
  'Need Limits on',
] as const;

export const VALUES = [
  'Human Rights',
  'Free Expression',
  'Privacy',
  'Innovation',
  'Security Research',
  'Due Process',
  'Competition',
  'Internet Operations',
  'Consumer Trust',
  'Open Standards',
  'Accountability',
] as const;

export const STAKEHOLDERS = [
  'civil society advocates',
  'technical experts',
  'network operators',
  'small businesses',
  'academics',
  'consumer groups',
  'independent researchers',
  'librarians',
  'journalists',
  'local governments',
  'standards bodies',
  'platform operators',
  'hospitals',
  'schools',
] as const;

export const CONCERNS = [
  'sweeping definitions',
  'vague obligations',
  'mandatory data collection',
  'secret orders',
  'weak oversight',
  'unclear liability',
  'broad exemptions for agencies',
  'short compliance deadlines',
  'retention periods measured in years',
  'opaque procedures',
  'duplicative reporting duties',
  'centralized control of technical standards',
] as const;

export const EFFECTS = [
  'chill lawful speech',
  'raise costs for smaller providers',
  'expose sensitive records to misuse',
  'fragment the global network',
  'discourage security research',
  'entrench the largest incumbents',
  'weaken encryption for everyone',
  'shift decisions away from accountable institutions',
  'make compliance impossible for volunteer projects',
  'invite abuse by less democratic governments',
] as const;

export const REMEDIES = [
  'narrow the definitions to the conduct actually at issue',
  'require independent review of every order',
  'publish regular transparency reports',
  'sunset the new powers after three years',
  'rely on existing multi-stakeholder processes',
  'limit retention to what the service needs',
  'give affected users notice and a route to appeal',
  'fund independent testing and audits',
  'consult technical experts before setting standards',
  'align the text with international human rights law',
] as const;

export const SECTION_TITLES = [
  'Background',
  'What the Proposal Would Do',
  'Why the Current Draft Falls Short',
  'Recommendations',
  'Impact on Users',
  'The Technical Picture',
  'What Other Countries Have Done',
  'Open Questions',
  'A Better Approach',
  'Costs and Benefits',
] as const;

export const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chiara',
  'David',
  'Elif',
  'Farah',
  'Gregory',
  'Hannah',
  'Ioana',
  'Jorge',
  'Keiko',
  'Liam',
  'Maya',
  'Nnamdi',
  'Olga',
  'Priya',
  'Quentin',
  'Rosa',
  'Samir',
  'Tamsin',
  'Ulrich',
  'Vera',
  'Wen',
  'Zoë',
] as const;

export const LAST_NAMES = [
  'Abara',
  'Bergström',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rahman',
  'Silva',
  'Tanaka',
  'Urquhart',
  'Varga',
  'Whitfield',
  'Yilmaz',
] as const;

export const ROLES = [
  'Policy Counsel',
  'Senior Policy Analyst',
  'Director, Free Expression Project',
  'Staff Technologist',
  'VP for Public Policy',
  'General Counsel',
  'Fellow',
  'Director of Research',
] as const;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

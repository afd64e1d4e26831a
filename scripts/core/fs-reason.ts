/** Why a file could not be read or written, in words a user can act on, without the absolute path (the message gives its own). */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (let the user who builds read and write it)';
    case 'ENOENT':
      return 'it is not there (removed while the build ran?)';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a file stands where a folder should be';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ELOOP':
      return 'its symbolic links go round in a loop';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

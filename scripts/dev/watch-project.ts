/**
 * Watch what a build reads (the sources, the templates, the configuration file) and call
 * back once per burst of changes. Uses `fs.watch` with `recursive` (Linux since Node 20,
 * macOS, Windows); editors' swap and backup files and hidden folders are ignored.
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

export interface WatchTarget {
  /** A folder watched with everything below it, or a single file. */
  path: string;
  recursive?: boolean;
}

export interface ProjectWatcher {
  close(): void;
}

const IGNORED = /(?:^|[\\/])\.|~$|\.sw[a-p]$|\.tmp-\d+$|^\d+$/;

/**
 * Call `onChange` with the changed paths, `delayMs` after the last change of a burst. An
 * editor's save is a burst of a few milliseconds (write a temporary file and rename it, or
 * truncate and write); the wait is part of every preview update, so it is kept short, and a
 * change during the rebuild asks for one more.
 */
export function watchProject(targets: readonly WatchTarget[], onChange: (changed: string[]) => void, delayMs = 20): ProjectWatcher {
  const watchers: FSWatcher[] = [];
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const record = (file: string) => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...changed].sort();
      changed.clear();
      onChange(batch);
    }, delayMs);
  };

  for (const target of targets) {
    if (!existsSync(target.path)) continue;
    if (target.recursive) {
      const watcher = watch(target.path, { recursive: true }, (_event, name) => {
        if (name && !IGNORED.test(name)) record(path.join(target.path, name));
      });
      watchers.push(watcher.on('error', () => {}));
    } else {
      // Watch the folder, not the file: editors replace files on save, which ends a file watch.
      const dir = path.dirname(target.path);
      const base = path.basename(target.path);
      const watcher = watch(dir, (_event, name) => {
        if (name === base) record(target.path);
      });
      watchers.push(watcher.on('error', () => {}));
    }
  }

  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

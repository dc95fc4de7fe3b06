import { createHash } from 'node:crypto';

/** What the header of a schema snapshot records. */
export interface SnapshotInfo {
  source: string;
  date: string;
  /** sha256 of the SDL below the header, hex. */
  sha256: string;
}

const HEADER_LINE = /^# (source|date|sha256): (.*)$/;

/** Splits a snapshot file into its header fields and its SDL. */
export function readSnapshot(text: string): { header: Partial<SnapshotInfo>; sdl: string } {
  const lines = text.split('\n');
  const header: Partial<SnapshotInfo> = {};
  let start = 0;
  while (start < lines.length && lines[start]!.startsWith('#')) {
    const match = HEADER_LINE.exec(lines[start]!);
    if (match) header[match[1] as keyof SnapshotInfo] = match[2]!.trim();
    start++;
  }
  return { header, sdl: lines.slice(start).join('\n').replace(/^\n+/, '') };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A snapshot file: the header (source, date, sha256 of the SDL) then the SDL. */
export function writeSnapshot(sdl: string, source: string, date: string): string {
  const body = sdl.endsWith('\n') ? sdl : `${sdl}\n`;
  return [
    '# Boomi Spaces GraphQL schema snapshot. Regenerate src/generated after changing it: npm run codegen.',
    `# source: ${source}`,
    `# date: ${date}`,
    `# sha256: ${sha256(body)}`,
    '',
    body,
  ].join('\n');
}

/** The snapshot's identity as codegen records it: the hash is always computed, never trusted. */
export function snapshotInfo(text: string): SnapshotInfo {
  const { header, sdl } = readSnapshot(text);
  return { source: header.source ?? 'unknown', date: header.date ?? 'unknown', sha256: sha256(sdl.endsWith('\n') ? sdl : `${sdl}\n`) };
}

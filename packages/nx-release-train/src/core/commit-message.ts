/** The train's commit messages: a title, and the marker line that asks CI to tag the commit. */

export function commitMessage(title: string, marker?: string): string {
  return marker ? `${title}\n\n${marker}\n` : `${title}\n`;
}

export function subjectOf(message: string): string {
  return message.split('\n')[0].trim();
}

export function carriesMarker(message: string, marker: string): boolean {
  return message.split('\n').some((line) => line.trim() === marker);
}

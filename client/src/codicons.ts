// Quick pick labels, descriptions and details render `$(name)` as an icon, and `\$(name)` as the text itself:
// article text is shown as written. Only what the renderer would take for an icon is escaped, since a backslash
// anywhere else would be shown.
const ICON = /\$\([a-z0-9-]+(?:~[a-z0-9-]*)?\)/gi;

export function escapeCodicons(text: string): string {
  return text.replace(ICON, (icon) => `\\${icon}`);
}

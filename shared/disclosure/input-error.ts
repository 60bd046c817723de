/**
 * A problem with the user's table, with where it is. The CLI prints it as one line and exits 2; the
 * UI shows it beside the file. Row numbers are the source's (line in a CSV, row in a sheet).
 */
export interface InputLocation {
  row?: number;
  column?: string;
}

export class DisclosureInputError extends Error {
  constructor(
    readonly problem: string,
    readonly location: InputLocation = {},
  ) {
    super(describeLocation(location) + problem);
    this.name = 'DisclosureInputError';
  }
}

function describeLocation({ row, column }: InputLocation): string {
  const parts: string[] = [];
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(`column "${column}"`);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

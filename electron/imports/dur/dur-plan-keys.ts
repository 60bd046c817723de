/** How the import matches DUR rows to register records: names ignoring case and spacing, versions within their agreement. */
export const nameKey = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();
export const versionKey = (dsaId: string, version: string): string => `${dsaId}\u0000${version}`;
export const childKey = (parentId: string, name: string): string => `${parentId}\u0000${nameKey(name)}`;

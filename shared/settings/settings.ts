import { z } from 'zod';

export const themeChoices = ['system', 'light', 'dark'] as const;

/** Settings the user edits on the Settings screen; stored one row per key in SQLite. */
export const settingsSchema = z.object({
  displayName: z
    .string()
    .trim()
    .max(120, 'Display name must be at most 120 characters'),
  organisationName: z
    .string()
    .trim()
    .max(200, 'Organisation name must be at most 200 characters'),
  theme: z.enum(themeChoices),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  displayName: '',
  organisationName: '',
  theme: 'system',
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

import { z } from 'zod';
import { defaultDestructionRule, destructionRuleSchema } from '../register/records';

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
  /**
   * The destruction rule a new DSA version gets when none is given (the CLI's `add version`, a
   * Data Uses Register import, which says nothing about destruction, and the app's version form
   * starts from it): most of an organisation's agreements share one, usually 30 days after the end
   * date.
   */
  defaultDestructionRule: destructionRuleSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  displayName: '',
  organisationName: '',
  theme: 'system',
  defaultDestructionRule,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

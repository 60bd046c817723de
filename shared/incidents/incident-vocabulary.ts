/**
 * The controlled vocabularies of an incident record, with the words the UI, the report and the
 * breach log show for each value. The kinds of incident follow the issue; the categories of data
 * and kinds of people follow the questions of the ICO's breach report form, so that what is
 * recorded here can be read out to the ICO as it stands.
 */
export const incidentTypes = [
  'unauthorised-disclosure',
  'loss-or-theft',
  'undeclared-location',
  'unauthorised-alteration-or-deletion',
  'cyber-attack',
  'human-error',
  'other',
] as const;
export type IncidentType = (typeof incidentTypes)[number];

export const incidentTypeLabels: Record<IncidentType, string> = {
  'unauthorised-disclosure': 'Unauthorised disclosure',
  'loss-or-theft': 'Loss or theft',
  'undeclared-location': 'Data at an undeclared location or processor',
  'unauthorised-alteration-or-deletion': 'Unauthorised alteration or deletion',
  'cyber-attack': 'Cyber attack',
  'human-error': 'Human error',
  other: 'Other',
};

export const incidentStatuses = ['open', 'contained', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];
export const incidentStatusLabels: Record<IncidentStatus, string> = { open: 'Open', contained: 'Contained', closed: 'Closed' };

/** UK GDPR's three kinds of personal data breach; an incident may be more than one. */
export const breachKinds = ['confidentiality', 'integrity', 'availability'] as const;
export type BreachKind = (typeof breachKinds)[number];
export const breachKindLabels: Record<BreachKind, string> = {
  confidentiality: 'Confidentiality (disclosed or accessed)',
  integrity: 'Integrity (altered)',
  availability: 'Availability (lost or destroyed)',
};

/** Health data is special category data (UK GDPR Art 9): it is listed first and flagged everywhere. */
export const dataCategories = [
  'health',
  'genetic',
  'biometric',
  'racial-or-ethnic-origin',
  'political-opinions',
  'religious-or-philosophical-beliefs',
  'trade-union-membership',
  'sex-life-or-orientation',
  'criminal-offences',
  'identifiers',
  'contact-details',
  'date-of-birth',
  'financial',
  'location',
  'other',
] as const;
export type DataCategory = (typeof dataCategories)[number];
export const dataCategoryLabels: Record<DataCategory, string> = {
  health: 'Health data (special category)',
  genetic: 'Genetic data (special category)',
  biometric: 'Biometric data used to identify people (special category)',
  'racial-or-ethnic-origin': 'Racial or ethnic origin (special category)',
  'political-opinions': 'Political opinions (special category)',
  'religious-or-philosophical-beliefs': 'Religious or philosophical beliefs (special category)',
  'trade-union-membership': 'Trade union membership (special category)',
  'sex-life-or-orientation': 'Sex life or sexual orientation (special category)',
  'criminal-offences': 'Criminal convictions or offences',
  identifiers: 'Identifiers (NHS number, name, pseudonyms)',
  'contact-details': 'Contact details',
  'date-of-birth': 'Date of birth',
  financial: 'Financial details',
  location: 'Location data',
  other: 'Other',
};
/** UK GDPR Art 9(1)'s special categories, as the ICO's breach report lists them; criminal data (Art 10) is asked beside them. */
export const specialCategories: readonly DataCategory[] = [
  'health',
  'genetic',
  'biometric',
  'racial-or-ethnic-origin',
  'political-opinions',
  'religious-or-philosophical-beliefs',
  'trade-union-membership',
  'sex-life-or-orientation',
];

export const peopleKinds = ['patients', 'children', 'vulnerable-adults', 'staff', 'service-users', 'public', 'other'] as const;
export type PeopleKind = (typeof peopleKinds)[number];
export const peopleKindLabels: Record<PeopleKind, string> = {
  patients: 'Patients',
  children: 'Children',
  'vulnerable-adults': 'Vulnerable adults',
  staff: 'Staff',
  'service-users': 'Service users',
  public: 'Members of the public',
  other: 'Other',
};

/** The ICO asks whether staff involved had data protection training in the last two years. */
export const trainingAnswers = ['yes', 'no', 'unknown'] as const;
export type TrainingAnswer = (typeof trainingAnswers)[number];
export const trainingAnswerLabels: Record<TrainingAnswer, string> = {
  yes: 'Trained in the last two years',
  no: 'Not trained in the last two years',
  unknown: 'Training not known',
};

export const cyberKinds = ['ransomware', 'phishing', 'malware', 'unauthorised-access', 'denial-of-service', 'other'] as const;
export type CyberKind = (typeof cyberKinds)[number];
export const cyberKindLabels: Record<CyberKind, string> = {
  ransomware: 'Ransomware',
  phishing: 'Phishing',
  malware: 'Other malware',
  'unauthorised-access': 'Unauthorised access (hacking)',
  'denial-of-service': 'Denial of service',
  other: 'Other',
};

/** Who an incident is reported to. The ICO is reached through the DSPT incident reporting tool. */
export const notificationRecipients = ['ico', 'dars', 'dhsc', 'individuals', 'other'] as const;
export type NotificationRecipient = (typeof notificationRecipients)[number];
export const notificationRecipientLabels: Record<NotificationRecipient, string> = {
  ico: 'ICO (through the DSPT)',
  dars: 'NHS England DARS',
  dhsc: 'DHSC',
  individuals: 'Individuals affected',
  other: 'Other',
};
/** The same recipients inside a sentence: "the notification to the ICO has not been recorded". */
export const notificationRecipientPhrases: Record<NotificationRecipient, string> = {
  ico: 'the ICO',
  dars: 'NHS England (DARS)',
  dhsc: 'DHSC',
  individuals: 'the individuals affected',
  other: 'another recipient',
};

/**
 * The ICO's breach report asks whether it is the initial report or a follow-up; DARS and DHSC are
 * sent updates the same way. The first notification to a recipient is the initial one (its clock
 * stops there); every later one is a follow-up in the same thread.
 */
export const notificationKinds = ['initial', 'follow-up'] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const notificationKindLabels: Record<NotificationKind, string> = { initial: 'Initial report', 'follow-up': 'Follow-up' };

export const notificationChannels = ['dspt-incident-tool', 'email', 'phone', 'letter', 'web-form', 'in-person', 'other'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
export const notificationChannelLabels: Record<NotificationChannel, string> = {
  'dspt-incident-tool': 'DSPT incident reporting tool',
  email: 'Email',
  phone: 'Phone',
  letter: 'Letter',
  'web-form': 'Web form',
  'in-person': 'In person',
  other: 'Other',
};

export const actionKinds = ['containment', 'remediation'] as const;
export type ActionKind = (typeof actionKinds)[number];
export const actionKindLabels: Record<ActionKind, string> = { containment: 'Containment', remediation: 'Remediation' };

export const actionStatuses = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusLabels: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};
/** Actions in these states still need doing, so they keep an incident from closing. */
export const outstandingActionStatuses: readonly ActionStatus[] = ['open', 'in-progress'];

export const icoDecisions = ['notify', 'do-not-notify'] as const;
export type IcoDecision = (typeof icoDecisions)[number];
export const icoDecisionLabels: Record<IcoDecision, string> = {
  notify: 'Notify the ICO',
  'do-not-notify': 'Do not notify the ICO',
};

export const individualsDecisions = ['tell', 'do-not-tell'] as const;
export type IndividualsDecision = (typeof individualsDecisions)[number];
export const individualsDecisionLabels: Record<IndividualsDecision, string> = {
  tell: 'Tell the individuals affected',
  'do-not-tell': 'Do not tell the individuals',
};

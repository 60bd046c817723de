/** The form's words for the fields a refusal names ("destruction.performedAt: …" → "Date and time: …"). */
const labels: Record<string, string> = {
  copyId: 'Copy',
  methodType: 'Method type',
  method: 'Method used',
  tool: 'Tool',
  toolVersion: 'Tool version',
  performedAt: 'Date and time',
  operator: 'Operator',
  verificationMethod: 'Verification method',
  verificationResult: 'Verification result',
  outcome: 'Outcome',
  exceptionReason: 'Exception reason',
  exceptionEndDate: 'Exception end date',
  notes: 'Notes',
  sanitisationStandard: 'Sanitisation standard or technique',
  cryptographicErase: 'Cryptographic erase used',
  keyHandling: 'Key handling',
  validationMethod: 'Validation performed',
  validationResult: 'Validation result',
};

export function fieldOfMessage(message: string): { field: string | null; text: string } {
  const match = /^(?:destruction\.)?([a-zA-Z]+): (.*)$/.exec(message);
  if (!match || !labels[match[1]!]) return { field: null, text: message };
  return { field: match[1]!, text: `${labels[match[1]!]}: ${match[2]}` };
}

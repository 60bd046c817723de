/**
 * Who can put a digital signature on a certificate PDF: the two data protection officers whose
 * signature blocks the certificate prints (the recipient's and the processor's). Each signs in
 * turn; the role is the signature field's name in the PDF, so a verifier can say who signed as what.
 */
export const digitalSignatories = ['recipient-dpo', 'processor-dpo'] as const;
export type DigitalSignatory = (typeof digitalSignatories)[number];

export const digitalSignatoryTitles: Record<DigitalSignatory, string> = {
  'recipient-dpo': 'the recipient’s data protection officer',
  'processor-dpo': 'the processor’s data protection officer',
};

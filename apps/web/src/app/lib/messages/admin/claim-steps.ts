import type { Wording } from '../../i18n.js';

// The staff steps of a claim after (or instead of) grading (components/claim-steps.tsx) and what the claims page says
// once one is done (lib/claim-steps.server.ts names them).

const en = {
  evidenceForm: (order: string) => `Ask for more evidence on order ${order}`,
  evidenceNote: 'What the customer should add',
  askForEvidence: 'Ask for more evidence',
  refuseForm: (order: string) => `Refuse the claim on order ${order}`,
  refuseUnder: 'Refuse under the rule',
  auditNote: 'Note for the audit (optional)',
  refuse: 'Refuse the claim',
  receiveForm: (order: string) => `Receive the returned item of order ${order}`,
  condition: 'Condition on arrival',
  perfectUnused: 'Perfect, unused',
  usedOrDamaged: 'Used or damaged',
  receive: 'Record the returned item',
  closeForm: (order: string) => `Close the claim on order ${order}`,
  close: 'Close: the resolution is carried out',
  /** What each step's redirect says was done (keys: lib/claim-steps.server.ts's claimStepsDone). */
  done: {
    evidence: 'Sent back to the customer for more evidence.',
    refused: 'The claim was refused.',
    closed: 'The claim was closed.',
    received: 'The returned item was received: the refund follows and the claim is closed.',
  },
};

const fr: typeof en = {
  evidenceForm: (order) => `Demander plus de justificatifs sur la commande ${order}`,
  evidenceNote: 'Ce que le client doit ajouter',
  askForEvidence: 'Demander plus de justificatifs',
  refuseForm: (order) => `Refuser la réclamation sur la commande ${order}`,
  refuseUnder: 'Refuser en vertu de la règle',
  auditNote: 'Note pour l’audit (facultatif)',
  refuse: 'Refuser la réclamation',
  receiveForm: (order) => `Réceptionner l’article retourné de la commande ${order}`,
  condition: 'État à l’arrivée',
  perfectUnused: 'Parfait état, jamais utilisé',
  usedOrDamaged: 'Utilisé ou abîmé',
  receive: 'Enregistrer l’article retourné',
  closeForm: (order) => `Clore la réclamation sur la commande ${order}`,
  close: 'Clore : la solution a été mise en œuvre',
  done: {
    evidence: 'Renvoyée au client pour plus de justificatifs.',
    refused: 'La réclamation a été refusée.',
    closed: 'La réclamation a été close.',
    received: 'L’article retourné a été reçu : le remboursement suit et la réclamation est close.',
  },
};

export const claimStepsWords: Wording<typeof en> = { en, fr };

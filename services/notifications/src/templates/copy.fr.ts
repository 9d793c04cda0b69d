import { frenchAccountCopy } from './account-copy.js';
import type { Catalogue } from './message-copy.js';

export const french: Catalogue = {
  WELCOME: {
    subject: 'Bienvenue, {{ name }}',
    heading: 'Bienvenue, {{ name }}',
    paragraphs: ['Votre compte est prêt. Les nouvelles de vos précommandes, paiements et expéditions arriveront à cette adresse.'],
    action: { label: 'Voir vos commandes', url: '{{ orderUrl }}' },
  },
  ORDER_CONFIRMED: {
    subject: 'Commande {{ orderRef }} confirmée',
    heading: 'Merci pour votre commande',
    paragraphs: [
      'Votre commande {{ orderRef }} est confirmée : les articles vous sont réservés.',
      '{% if nextPayment %}Prochain paiement : {{ nextPayment.purpose }} de {{ nextPayment.amount }}{% if nextPayment.dueAt != "" %}, à régler avant le {{ nextPayment.dueAt }}{% endif %}.{% endif %}',
    ],
    rows: 'lines',
    facts: [
      ['Total des articles', '{{ total }}'],
      ['Livraison estimée', '{{ shipping }}'],
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  PAYMENT_DUE: {
    subject: 'Paiement attendu pour la commande {{ orderRef }} : {{ amount }} avant le {{ dueAt }}',
    heading: 'Votre {{ purpose }} est à régler',
    paragraphs: [
      "Merci de régler {{ amount }} pour la commande {{ orderRef }} avant le {{ dueAt }}. Passé ce délai, la politique de la boutique applicable à votre commande s'appliquera.",
    ],
    facts: [
      ['Montant', '{{ amount }}'],
      ['À régler avant le', '{{ dueAt }}'],
    ],
    action: { label: 'Payer maintenant', url: '{{ payUrl }}' },
  },
  CARD_CHARGE_SCHEDULED: {
    subject: 'Commande {{ orderRef }} : nous débitons {{ amount }} sur votre carte enregistrée',
    heading: 'Votre commande va bientôt partir',
    paragraphs: [
      "La date d'expédition de la commande {{ orderRef }} est fixée : nous débitons le {{ purpose }} de {{ amount }} sur le moyen de paiement enregistré.",
    ],
    facts: [['Montant', '{{ amount }}']],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  PAYMENT_FAILED: {
    subject: 'Échec du paiement de {{ amount }} pour la commande {{ orderRef }}',
    heading: "Votre paiement n'a pas abouti",
    paragraphs: [
      "Nous n'avons pas pu encaisser le {{ purpose }} de {{ amount }} : {{ reason }}",
      "Rien n'a été débité. Merci de payer à nouveau, ou avec une autre carte.",
    ],
    facts: [['Commandes', '{{ orderRefs }}']],
    action: { label: 'Payer à nouveau', url: '{{ payUrl }}' },
  },
  ORDER_CANCELLED: {
    subject: 'Commande {{ orderRef }} annulée',
    heading: 'Votre commande a été annulée',
    paragraphs: [
      'La commande {{ orderRef }} est annulée. {{ rule }}',
      "{% if hasRefund %}Nous vous remboursons {{ refund }}.{% else %}Il n'y a rien à rembourser.{% endif %}",
    ],
    facts: [
      ['Remboursement', '{{ refund }}'],
      ['Conservé par la boutique', '{% if hasFee %}{{ fee }}{% endif %}'],
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  ORDER_EXPIRED: {
    subject: 'Commande {{ orderRef }} close : paiement non reçu',
    heading: 'Votre commande est close',
    paragraphs: [
      "Le paiement de la commande {{ orderRef }} n'a pas été reçu à temps : la commande est close. {{ rule }}",
      '{% if hasRefund %}Nous vous remboursons {{ refund }}.{% endif %}',
    ],
    facts: [
      ['Remboursement', '{{ refund }}'],
      ['Conservé par la boutique', '{% if hasFee %}{{ kept }}{% endif %}'],
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  CANCELLATION_OFFERED: {
    subject: "Commande {{ orderRef }} : vous pouvez annuler jusqu'au {{ closesAt }}",
    heading: 'Vous pouvez annuler cette commande',
    paragraphs: [
      '{% if reason == "SPEC_CHANGE" %}Les caractéristiques de {{ product }} ont changé{% else %}La date de sortie de {{ product }} a changé{% endif %} : vous pouvez annuler la commande {{ orderRef }} jusqu\'au {{ closesAt }} et récupérer {{ refund }}.',
      '{{ rule }}',
    ],
    facts: [
      ['Remboursement en cas d’annulation', '{{ refund }}'],
      ["Fin de l'offre", '{{ closesAt }}'],
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  ORDER_SHIPPED: {
    subject: 'Commande {{ orderRef }} expédiée',
    heading: 'Votre commande est en route',
    paragraphs: ['La commande {{ orderRef }} a quitté notre entrepôt. Le numéro de suivi figure sur la page de votre commande.'],
    action: { label: 'Suivre votre commande', url: '{{ orderUrl }}' },
  },
  ORDER_DELIVERED: {
    subject: 'Commande {{ orderRef }} livrée',
    heading: 'Votre commande a été livrée',
    paragraphs: [
      'Le transporteur a livré la commande {{ orderRef }}. Si un article est abîmé ou manquant, ouvrez une réclamation depuis la page de votre commande dans le délai prévu.',
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  RELEASE_DATE_CHANGED: {
    subject: 'Nouvelle date de sortie pour {{ product }} : {{ newEstimate }}',
    heading: 'La date de sortie a changé',
    paragraphs: [
      'Le fabricant a repoussé la sortie estimée de {{ product }} à {{ newEstimate }}{% if oldEstimate != "" %} (au lieu de {{ oldEstimate }}){% endif %}. Votre précommande ({{ orderRefs }}) est maintenue.',
      '{{ reason }}',
    ],
    facts: [
      ['Estimation précédente', '{{ oldEstimate }}'],
      ['Nouvelle estimation', '{{ newEstimate }}'],
    ],
    action: { label: 'Voir vos commandes', url: '{{ orderUrl }}' },
  },
  SPEC_CHANGED: {
    subject: 'Changement de caractéristiques pour {{ product }}',
    heading: 'Les caractéristiques ont changé',
    paragraphs: [
      'Le fabricant a modifié les caractéristiques de {{ product }}, que vous avez précommandé ({{ orderRefs }}).',
      '{{ description }}',
      '{{ reason }}',
    ],
    rows: 'changes',
    action: { label: 'Voir vos commandes', url: '{{ orderUrl }}' },
  },
  PRODUCT_ARRIVED: {
    subject: '{{ product }} est arrivé à notre entrepôt',
    heading: 'Votre précommande est arrivée',
    paragraphs: [
      "Des exemplaires de {{ product }} sont arrivés à notre entrepôt le {{ arrivedAt }}. Ils sont attribués aux précommandes dans l'ordre où elles ont été passées ; nous vous écrirons quand la vôtre ({{ orderRefs }}) sera prête à être payée ou expédiée.",
    ],
    action: { label: 'Voir vos commandes', url: '{{ orderUrl }}' },
  },
  REFUND_ISSUED: {
    subject: 'Remboursement de {{ amount }} pour la commande {{ orderRef }}',
    heading: 'Votre remboursement est en route',
    paragraphs: [
      "Nous avons remboursé {{ amount }} pour la commande {{ orderRef }} sur votre moyen de paiement d'origine. Votre banque peut mettre quelques jours à l'afficher.",
    ],
    facts: [['Remboursement', '{{ amount }}']],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  SHIPPING_QUOTED: {
    subject:
      'Frais de port définitifs {% if manyOrders %}des commandes{% else %}de la commande{% endif %} {{ orderRef }} : {{ finalCost }}{% if outcome == "REFUND_EXCESS" %}, {{ excessRefund }} remboursés{% elsif outcome == "EXTRA_INVOICE" %}, {{ extraDue }} restant à payer{% endif %}',
    heading: 'Votre colis est prêt',
    paragraphs: [
      "Nous avons préparé {% if manyOrders %}les commandes{% else %}la commande{% endif %} {{ orderRef }} : le colis pèse {{ weight }} et mesure {{ size }}. Son expédition coûte {{ finalCost }} ; l'estimation payée à la commande était de {{ estimatePaid }}.",
      "{% if outcome == \"REFUND_EXCESS\" %}C'est moins que l'estimation : nous vous remboursons la différence, {{ excessRefund }}, sur votre moyen de paiement d'origine.{% elsif outcome == \"EXTRA_INVOICE\" %}C'est plus que l'estimation : merci de régler la différence, {{ extraDue }}. Le colis part dès qu'elle est payée.{% else %}C'est exactement l'estimation payée : vous n'avez rien de plus à régler.{% endif %}",
      'Vous recevrez le numéro de suivi au départ du colis de notre entrepôt.',
    ],
    facts: [
      ['Poids', '{{ weight }}'],
      ['Dimensions', '{{ size }}'],
      ["Frais d'expédition", '{{ finalCost }}'],
      ['Estimation payée', '{{ estimatePaid }}'],
      ['Remboursé', '{% if outcome == "REFUND_EXCESS" %}{{ excessRefund }}{% endif %}'],
      ['Reste à payer', '{% if outcome == "EXTRA_INVOICE" %}{{ extraDue }}{% endif %}'],
    ],
    action: {
      label: '{% if outcome == "EXTRA_INVOICE" %}Payer maintenant{% else %}Voir votre commande{% endif %}',
      url: '{% if outcome == "EXTRA_INVOICE" %}{{ payUrl }}{% else %}{{ orderUrl }}{% endif %}',
    },
  },
  SHIPMENT_DISPATCHED: {
    subject:
      '{% if manyOrders %}Commandes{% else %}Commande{% endif %} {{ orderRef }} expédiée{% if manyOrders %}s{% endif %} avec {{ carrier }} : numéro de suivi {{ trackingNumber }}',
    heading: 'Votre commande est en route',
    paragraphs: [
      '{% if manyOrders %}Les commandes {{ orderRef }} ont{% else %}La commande {{ orderRef }} a{% endif %} quitté notre entrepôt le {{ dispatchedAt }} avec {{ carrier }}. Suivez le colis grâce à son numéro de suivi, {{ trackingNumber }}, sur le site du transporteur ou depuis la page de votre commande.',
    ],
    facts: [
      ['Transporteur', '{{ carrier }}'],
      ['Numéro de suivi', '{{ trackingNumber }}'],
      ['Poids', '{{ weight }}'],
      ['Dimensions', '{{ size }}'],
      ["Frais d'expédition", '{% if replacement %}Payés par la boutique (un remplacement pour votre réclamation){% else %}{{ finalCost }}{% endif %}'],
    ],
    action: { label: 'Suivre votre commande', url: '{{ orderUrl }}' },
  },
  EXTRA_SHIPPING_WAIVED: {
    subject:
      'Bonne nouvelle pour {% if manyOrders %}les commandes{% else %}la commande{% endif %} {{ orderRef }} : nous prenons en charge le supplément de port de {{ extraWaived }}',
    heading: 'Plus rien à payer pour votre colis',
    paragraphs: [
      "Bonne nouvelle : nous prenons en charge le supplément de port de {{ extraWaived }} pour votre colis ({% if manyOrders %}commandes{% else %}commande{% endif %} {{ orderRef }}) ; vous n'avez plus rien à payer.",
      "Le lien de paiement que nous vous avons envoyé n'est plus nécessaire ; si un paiement passe malgré tout, nous vous le remboursons.",
      'Le colis quittera bientôt notre entrepôt : vous recevrez son numéro de suivi à son départ.',
    ],
    facts: [
      ['Supplément de port pris en charge par la boutique', '{{ extraWaived }}'],
      ['Reste à payer', 'Rien'],
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  CLAIM_SUBMITTED: {
    subject: 'Réclamation reçue pour la commande {{ orderRef }}',
    heading: 'Votre réclamation est entre les mains de notre service après-vente',
    paragraphs: [
      'Votre réclamation concernant {{ product }} (commande {{ orderRef }}, {{ claimKind }}) est arrivée à notre service après-vente. Il va l’examiner et vous écrira sa décision.',
    ],
    facts: [
      ['Réclamation', '{{ claimRef }}'],
      ['Problème', '{{ claimKind }}'],
      ['Photos et vidéos', '{{ evidenceCount }}'],
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  CLAIM_DECIDED: {
    subject:
      'Votre réclamation sur la commande {{ orderRef }} : {% if resolution == "PARTIAL_REFUND" %}{{ refund }} remboursés{% elsif resolution == "REPLACEMENT_PART" %}des pièces de remplacement arrivent{% else %}merci de renvoyer l’article{% endif %}',
    heading: 'Votre réclamation a été traitée',
    paragraphs: [
      'Notre service après-vente a examiné votre réclamation concernant {{ product }} (commande {{ orderRef }}).',
      '{% if resolution == "PARTIAL_REFUND" %}Vous gardez l\'article et nous vous remboursons {{ refund }} sur votre moyen de paiement d\'origine.{% elsif resolution == "REPLACEMENT_PART" %}Nous vous envoyons des pièces de remplacement : {{ replacementParts }}. Elles viennent du studio et peuvent mettre quelques semaines à vous parvenir.{% else %}Merci de nous renvoyer l\'article : les instructions de retour sont sur la page de votre commande.{% endif %}',
      '{{ partRules }}',
    ],
    rows: 'parts',
    facts: [['Remboursement', '{% if hasRefund %}{{ refund }}{% endif %}']],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  CLAIM_OFFERED: {
    subject: 'Votre réclamation sur la commande {{ orderRef }} : choisissez la solution',
    heading: 'Choisissez comment régler votre réclamation',
    paragraphs: [
      'Notre service après-vente a examiné votre réclamation concernant {{ product }} (commande {{ orderRef }}). La politique de votre commande vous laisse choisir l’une de ces solutions :',
      '{{ offerRules }}',
      '{{ partRules }}',
      'Rien ne se passe tant que vous n’avez pas choisi : faites votre choix depuis la page de votre réclamation.',
    ],
    rows: 'offers',
    facts: [['Réclamation', '{{ claimRef }}']],
    action: { label: 'Choisir la solution', url: '{{ claimUrl }}' },
  },
  CLAIM_EVIDENCE_REQUESTED: {
    subject: 'Votre réclamation sur la commande {{ orderRef }} : merci d’ajouter des photos ou vidéos',
    heading: 'Il nous faut plus d’éléments pour votre réclamation',
    paragraphs: [
      'Notre service après-vente a besoin de plus d’éléments pour décider de votre réclamation {{ claimRef }} (commande {{ orderRef }}). Il demande :',
      '{{ note }}',
      'Ajoutez les photos ou vidéos depuis la page de votre réclamation, puis soumettez-la à nouveau. Le service l’examine dès qu’elle est soumise.',
    ],
    facts: [['Réclamation', '{{ claimRef }}']],
    action: { label: 'Ajouter des photos ou vidéos', url: '{{ claimUrl }}' },
  },
  CLAIM_REFUSED: {
    subject: 'Votre réclamation sur la commande {{ orderRef }} a été refusée',
    heading: 'Nous ne pouvons pas accepter votre réclamation',
    paragraphs: [
      'Notre service après-vente a examiné votre réclamation concernant {{ product }} (commande {{ orderRef }}) et ne peut pas l’accepter selon la politique de votre commande :',
      '{{ rule }}',
    ],
    facts: [['Réclamation', '{{ claimRef }}']],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  CLAIM_RESOLVED: {
    subject: 'Votre réclamation sur la commande {{ orderRef }} est réglée{% if hasRefund %} : {{ refund }} remboursés{% endif %}',
    heading: 'Votre réclamation est réglée',
    paragraphs: [
      '{% if resolution == "PARTIAL_REFUND" %}Comme vous l’avez choisi, vous gardez {{ product }} (commande {{ orderRef }}) avec un remboursement partiel.{% elsif resolution == "KEEP_WITH_DISCOUNT" %}Comme vous l’avez choisi, vous gardez {{ product }} (commande {{ orderRef }}) avec une remise.{% elsif resolution == "REPLACEMENT_PART" %}La pièce de remplacement choisie pour {{ product }} (commande {{ orderRef }}) a été envoyée.{% elsif resolution == "EXCHANGE" %}L’échange choisi pour {{ product }} (commande {{ orderRef }}) est fait.{% else %}Nous avons reçu {{ product }} (commande {{ orderRef }}) que vous avez renvoyé comme vous l’avez choisi.{% endif %} Votre réclamation est close.',
      '{% if hasRefund %}Nous vous remboursons {{ refund }} sur votre moyen de paiement d’origine.{% endif %}',
    ],
    facts: [
      ['Réclamation', '{{ claimRef }}'],
      ['Remboursement', '{% if hasRefund %}{{ refund }}{% endif %}'],
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  RETURN_RECEIVED: {
    subject: 'Votre retour pour la commande {{ orderRef }} : {% if hasRefund %}{{ refund }} remboursés{% else %}rien à rembourser{% endif %}',
    heading: 'Nous avons reçu votre retour',
    paragraphs: [
      'Nous avons reçu et examiné {{ product }} que vous avez renvoyé (commande {{ orderRef }}). {% if accepted %}Il est revenu comme le demande la politique de votre commande.{% else %}Il n’est pas revenu comme le demande la politique de votre commande.{% endif %}',
      '{% if hasRefund %}Nous vous remboursons {{ refund }} sur votre moyen de paiement d’origine.{% else %}Il n’y a rien à rembourser.{% endif %}',
      '{{ rule }}',
    ],
    facts: [
      ['Retour', '{{ returnRef }}'],
      ['Remboursement', '{% if hasRefund %}{{ refund }}{% endif %}'],
      ['Frais de remise en stock', '{% if accepted and hasRestockingFee %}{{ restockingFee }}{% endif %}'],
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  RETURN_REQUESTED: {
    subject: 'Votre retour pour la commande {{ orderRef }} est accepté : {{ quotedRefund }} remboursés à réception',
    heading: 'Votre retour est accepté',
    paragraphs: [
      'Vous avez demandé à renvoyer {{ product }} (commande {{ orderRef }}). S’il revient comme le demande la politique de votre commande, nous vous remboursons {{ quotedRefund }} sur votre moyen de paiement d’origine une fois l’article examiné.',
      '{% if hasRestockingFee %}Des frais de remise en stock de {{ restockingFee }} sont retenus. {% endif %}{% if shippingRefund != "" %}Le remboursement comprend {{ shippingRefund }} des frais de port payés.{% else %}Les frais de port payés ne sont pas remboursés.{% endif %} {{ returnPostage }}',
      '{{ rule }}',
    ],
    facts: [
      ['Retour', '{{ returnRef }}'],
      ['Remboursement à réception', '{{ quotedRefund }}'],
      ['Frais de remise en stock', '{% if hasRestockingFee %}{{ restockingFee }}{% endif %}'],
      ['Frais de port remboursés', '{{ shippingRefund }}'],
    ],
    action: { label: 'Voir votre commande', url: '{{ orderUrl }}' },
  },
  ...frenchAccountCopy,
};

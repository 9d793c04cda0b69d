import type { RefusalWords } from '../refusals.js';
import { fr } from './fr.js';

// Les refus de l'API en français, par code, règle et raison (lib/refusals.ts dit comment ils sont choisis). Une phrase
// qui renvoie null manque d'une donnée que l'API n'a pas envoyée : la phrase anglaise de l'API est montrée à la place.

const country = (code: string) => {
  try {
    return new Intl.DisplayNames(['fr'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const list = (items: readonly string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`);
/** What is being paid, with its article ("le solde", "l'acompte"). */
const purposeWords: Record<string, string> = {
  DEPOSIT: 'l’acompte',
  FULL_PAYMENT: 'le paiement intégral',
  DOWN_PAYMENT: 'le versement initial',
  BALANCE: 'le solde',
  ARRIVAL_PAYMENT: 'le paiement à l’arrivée',
  CHARGE_AT_SHIP: 'le paiement à l’expédition',
};
const statusWords = (status: string | null) => (status ? (fr.orderStatus as Record<string, string | undefined>)[status]?.toLowerCase() : undefined);
const ordersCount = (n: number) => `${n} ${plural(n, 'commande en cours', 'commandes en cours')}`;
const onOrders = (ids: readonly string[]) => `${plural(ids.length, 'la commande', 'les commandes')} ${list(ids)}`;

export const refusalsFr: RefusalWords = {
  codes: {
    UNAUTHENTICATED: () => 'Connectez-vous pour continuer.',
    FORBIDDEN: () => 'Ceci n’est pas accessible à votre compte.',
    NOT_FOUND: () => 'Introuvable : cela n’existe pas, ou plus, ou n’est pas à votre compte.',
    SERVICE_UNAVAILABLE: () => 'Cette partie de la boutique est momentanément indisponible. Réessayez dans un instant.',
    UNREACHABLE: () => 'La boutique est injoignable pour le moment. Réessayez dans un instant.',
    BAD_RESPONSE: () => 'La boutique a donné une réponse illisible. Réessayez dans un instant.',
    PERSISTED_QUERY_NOT_FOUND: () => 'Cette page n’est plus à jour. Rechargez-la.',
    PERSISTED_QUERY_REQUIRED: () => 'Cette page n’est plus à jour. Rechargez-la.',
    INTERNAL_SERVER_ERROR: (f) => {
      const reference = f.text('requestId');
      return `Un problème est survenu de notre côté. Réessayez${reference ? ` ; si cela se reproduit, donnez la référence ${reference}` : ' dans un instant'}.`;
    },
  },
  wrongCredentials: 'L’e-mail ou le mot de passe est incorrect.',
  rules: {
    LOGIN_THROTTLED: (f) => {
      const seconds = f.number('retryAfterSeconds');
      if (seconds === null) return null;
      const minutes = Math.ceil(seconds / 60);
      const wait = seconds < 60 ? `${seconds} ${plural(seconds, 'seconde', 'secondes')}` : `${minutes} ${plural(minutes, 'minute', 'minutes')}`;
      return `Trop de tentatives de connexion ont échoué. Réessayez dans ${wait}, ou choisissez un nouveau mot de passe.`;
    },
    REGION_LOCKED_BY_OPEN_ORDERS: (f) => {
      const n = f.number('count');
      if (n === null) return null;
      return n === 1
        ? 'Vous avez 1 commande en cours, livrée dans votre région actuelle. Vous pourrez changer de région une fois qu’elle aura été expédiée ou annulée.'
        : `Vous avez ${ordersCount(n)}, livrées dans votre région actuelle. Vous pourrez changer de région une fois qu’elles auront été expédiées ou annulées.`;
    },
    UNSHIPPED_ORDERS: (f) => {
      const n = f.number('count');
      if (n === null) return null;
      return n === 1
        ? 'Vous avez 1 commande pas encore expédiée. Vous pourrez supprimer votre compte une fois qu’elle aura été expédiée ou annulée.'
        : `Vous avez ${n} commandes pas encore expédiées. Vous pourrez supprimer votre compte une fois qu’elles auront été expédiées ou annulées.`;
    },
    IDENTITY_LINKED_TO_ANOTHER_ACCOUNT: () => 'Ce compte externe sert déjà à se connecter à un autre compte ici.',
    PROVIDER_ALREADY_LINKED: () => 'Un compte de ce fournisseur est déjà lié au vôtre : retirez-le avant d’en lier un autre.',
    LAST_SIGN_IN_METHOD: () => 'C’est votre seul moyen de vous connecter : ajoutez-en un autre avant de le retirer.',
    PASSWORD_ALREADY_SET: () => 'Votre compte a déjà un mot de passe. Changez-le plutôt (votre mot de passe actuel vous sera demandé).',
    'field:email': () => 'Cette adresse e-mail ne peut pas servir à créer un compte. Si elle est à vous, connectez-vous plutôt.',
    'field:token': () => 'Cette adresse e-mail a déjà un compte. Connectez-vous à ce compte, ou demandez un nouveau mot de passe.',
    CUSTOMER_BLOCKED: () => 'Votre compte ne peut pas passer de commande. Contactez le service client.',
    FULL_PAYMENT_NOT_OFFERED: () => 'Cette précommande se paie avec un acompte.',
    ORDER_ENDED: (f) => {
      const status = statusWords(f.text('status'));
      return status ? `Cette commande est déjà terminée (${status}).` : 'Cette commande est déjà terminée.';
    },
    ORDER_SHIPPED: () => 'Cette commande est expédiée : elle ne peut plus être annulée (un retour est possible).',
    'field:idempotencyKey': () => 'Ce formulaire a déjà servi pour une autre commande. Rechargez la page pour commander à nouveau.',
    'field:quoteToken': (f) => {
      const rule = f.policyRule();
      return rule ? `Les conditions d’annulation ont changé depuis votre devis : ${rule} Relisez-les et confirmez à nouveau.` : null;
    },
    PAYMENT_IN_PROGRESS: () => 'Un paiement pour cette commande est déjà en cours. Vous serez prévenu quand il aboutira : ne payez pas une seconde fois.',
    ALREADY_PAID: (f) => {
      const ids = f.list('orderIds');
      const purpose = purposeWords[f.text('purpose') ?? ''];
      return ids && purpose ? `${purpose[0]!.toUpperCase()}${purpose.slice(1)} est déjà payé sur ${onOrders(ids)}.` : null;
    },
    NOTHING_OWED: (f) => {
      const ids = f.list('orderIds');
      const purpose = purposeWords[f.text('purpose') ?? ''];
      return ids && purpose ? `Il n’y a rien à payer pour ${purpose} sur ${onOrders(ids)}.` : null;
    },
    DUE_WAIVED: (f) => {
      const ids = f.list('orderIds');
      const purpose = purposeWords[f.text('purpose') ?? ''];
      return ids && purpose
        ? `La boutique a renoncé ${purpose.replace(/^le /, 'au ').replace(/^l’/, 'à l’')} sur ${onOrders(ids)} : il n’y a rien à payer.`
        : null;
    },
    ORDER_NOT_PAYABLE: (f) => {
      const ids = f.list('orderIds');
      return ids
        ? `${plural(ids.length, 'Cette commande est close', 'Ces commandes sont closes')} et ne ${plural(ids.length, 'peut', 'peuvent')} plus être ${plural(ids.length, 'payée', 'payées')} : ${list(ids)}.`
        : null;
    },
    MIXED_CURRENCIES: (f) => {
      const currencies = f.list('currencies');
      return currencies ? `Des commandes en devises différentes (${list(currencies)}) ne se paient pas ensemble : payez-les séparément.` : null;
    },
    BULK_PAYMENT_PURPOSE: () => 'Seuls les soldes se paient pour plusieurs commandes à la fois : payez chaque commande séparément.',
    NOTHING_TO_CONFIRM: () => 'Ce paiement n’attend plus de confirmation.',
    AVAILABLE_NOW: () => 'Ce produit peut être commandé dès maintenant.',
    NOT_COMING_BACK: () => 'Ce produit ne devrait plus redevenir disponible : il n’y a rien à vous signaler.',
    NOT_SOLD_OUT: () => 'Seul un tirage limité épuisé dont les précommandes sont encore ouvertes a une liste d’attente.',
    'claims.after-delivery': () => 'Une réclamation se fait une fois la commande livrée.',
    'claims.evidence': (f) => {
      const missing = f.text('missing');
      if (missing === 'PHOTOS') return 'Ajoutez des photos des dégâts : la réclamation en a besoin.';
      if (missing === 'UNBOXING_VIDEO') return 'Ajoutez la vidéo du déballage, du colis encore scellé jusqu’au dernier élément sorti.';
      return null;
    },
    'claims.report-window': (f) => {
      const lastDay = f.text('lastDay');
      return lastDay
        ? `Le délai pour cette réclamation s’est refermé le ${new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${lastDay}T00:00:00Z`))}.`
        : null;
    },
    'claims.evidence-before-submission': () => 'Les fichiers s’ajoutent avant l’envoi de la réclamation, ou quand notre équipe en demande d’autres.',
    'claims.evidence-by-customer': () => 'Seul le client qui a fait la réclamation peut y ajouter des fichiers.',
    'claims.submitted-by-customer': () => 'Seul le client qui a fait la réclamation peut l’envoyer.',
  },
  problems: {
    TOO_SHORT: (f) => {
      const min = f.number('min');
      return min === null ? null : `Utilisez au moins ${min} caractères.`;
    },
    TOO_LONG: (f) => {
      const max = f.number('max');
      return max === null ? null : `Utilisez au plus ${max} caractères.`;
    },
    FULL_WIDTH_CHARACTER: () => 'Utilisez uniquement des caractères demi-chasse (ASCII), sans accents.',
    CONTAINS_SPACE: () => 'Les espaces ne sont pas acceptées.',
    SYMBOL_NOT_ALLOWED: () => 'Un des symboles n’est pas accepté : utilisez par exemple ! # $ % & ou @.',
    MISSING_LOWERCASE: () => 'Ajoutez une minuscule (a-z).',
    MISSING_UPPERCASE: () => 'Ajoutez une majuscule (A-Z).',
    MISSING_DIGIT: () => 'Ajoutez un chiffre (0-9).',
    MISSING_SYMBOL: () => 'Ajoutez un symbole comme ! # $ % & ou @.',
    COMMON_PASSWORD: () => 'Ce mot de passe fait partie des plus courants et se devine facilement. Choisissez-en un autre.',
    INCORRECT_PASSWORD: () => 'Ce mot de passe n’est pas le bon : saisissez celui avec lequel vous vous connectez.',
    'password:REQUIRED': () => 'Saisissez votre mot de passe (ou reconnectez-vous avec votre compte externe).',
    INVALID_EMAIL: () => 'Saisissez une adresse e-mail valide, comme nom@exemple.fr.',
    SAME_EMAIL: () => 'C’est déjà votre adresse e-mail.',
    UNKNOWN_COUNTRY: () => 'Choisissez votre pays de résidence.',
    LINK_EXPIRED: () => 'Ce lien a expiré. Demandez-en un nouveau.',
    LINK_INVALID: () => 'Ce lien n’est pas valable (il a peut-être déjà servi). Demandez-en un nouveau.',
    CONFIRMATION_EXPIRED: () => 'Votre confirmation a expiré. Confirmez à nouveau que c’est bien vous.',
    CONFIRMATION_INVALID: () => 'Cette confirmation n’est pas valable (elle a peut-être déjà servi). Confirmez à nouveau que c’est bien vous.',
    UNKNOWN_IDENTITY: () => 'Ce moyen de connexion n’est pas (ou plus) lié à votre compte.',
    'displayName:INVALID_LENGTH': (f) => {
      const min = f.number('min');
      const max = f.number('max');
      return min === null || max === null ? null : `Le nom affiché compte de ${min} à ${max} caractères.`;
    },
    INVALID_CHARACTER: () => 'Le nom affiché ne peut pas contenir de caractères de contrôle ou de mise en forme invisibles.',
    'lines:EMPTY': () => 'Une commande a au moins une ligne.',
    TOO_MANY_LINES: (f) => {
      const max = f.number('max');
      return max === null ? null : `Une commande a au plus ${max} lignes.`;
    },
    UNKNOWN_PRODUCT: () => 'Ce produit n’existe pas.',
    'productId:MALFORMED_ID': () => 'Ce produit n’existe pas.',
    'quantity:OUT_OF_RANGE': (f) => {
      const max = f.number('max');
      return max === null ? null : `Choisissez une quantité de 1 à ${max}.`;
    },
    NOT_ORDERABLE: (f) => {
      const status = f.text('status');
      if (status === 'ANNOUNCED') return 'Ce produit ne peut pas encore être commandé : ses précommandes ne sont pas ouvertes.';
      if (status === 'PREORDER_CLOSED') return 'Ce produit ne peut pas être commandé pour le moment : ses précommandes sont closes.';
      if (status === 'SOLD_OUT') return 'Ce produit est épuisé.';
      if (status === 'DISCONTINUED') return 'Ce produit n’est plus vendu.';
      return 'Ce produit ne peut pas être commandé pour le moment.';
    },
    REGION_UNKNOWN: () => 'Votre compte est encore en cours de préparation pour ce produit. Réessayez dans un instant.',
    BLOCKED_IN_REGION: (f) => {
      const code = f.text('country');
      return code ? `La licence ne permet pas de vendre ce produit dans ce pays : ${country(code)}.` : null;
    },
    OVER_PRODUCT_LIMIT: (f) => {
      const max = f.number('max');
      const total = f.number('total');
      return max === null || total === null
        ? null
        : `Au plus ${max} exemplaire${max === 1 ? '' : 's'} de ce produit par commande (cette commande en a ${total}).`;
    },
    OVER_CUSTOMER_LIMIT: (f) => {
      const limit = f.number('limit');
      const held = f.number('held');
      if (limit === null || held === null) return null;
      const most = `Au plus ${limit} exemplaire${limit === 1 ? '' : 's'} de ce produit par client`;
      return held > 0 ? `${most} : vous en avez déjà ${held} en commande.` : `${most}.`;
    },
    MIXED_PREORDER_AND_STOCK: () => 'Les précommandes et les articles en stock se commandent séparément : passez une commande pour chacun.',
    'lines:MIXED_CURRENCIES': () => 'Tous les produits d’une commande doivent avoir la même devise.',
    SEVERAL_PREORDERS: () => 'Chaque précommande se commande à part : passez une commande pour chacune.',
    CURRENCY_NOT_ACCEPTED: () => 'La boutique ne prend pas de commande dans cette devise.',
    OUTSIDE_REGION: () => 'Les commandes sont livrées uniquement dans la région de votre compte.',
    PAYMENT_METHOD_REQUIRED: () => 'Cette précommande est débitée à l’expédition : enregistrez d’abord une carte, puis choisissez-la ici.',
    INVALID_IDEMPOTENCY_KEY: () => 'Ce formulaire n’est plus valable. Rechargez la page et recommencez.',
    'orderIds:REQUIRED': () => 'Choisissez au moins une commande à payer.',
    'orderIds:DUPLICATE': () => 'Chaque commande ne peut être choisie qu’une fois.',
    PURPOSE_REQUIRED: () => 'Plusieurs paiements sont attendus sur cette commande : choisissez lequel régler.',
    EXACTLY_ONE: () => 'Choisissez un seul moyen de paiement.',
    'description:TOO_SHORT': () => 'Décrivez le problème en quelques mots de plus (au moins 10 caractères).',
    'parts:REQUIRED': () => 'Indiquez au moins une pièce concernée.',
    'reason:REQUIRED': () => 'Indiquez le motif : ce changement en demande un.',
    'changes:REQUIRED': () => 'Indiquez ce qui a changé, ou décrivez-le.',
    NOT_IN_ORDER: () => 'Choisissez un produit de cette commande.',
    UNKNOWN_PART: () => 'Cette pièce ne fait pas partie de ce produit.',
    NOT_UPLOADED: () => 'Un fichier annoncé n’est pas encore arrivé : attendez la fin de l’envoi ou envoyez-le à nouveau.',
    NOT_AS_ANNOUNCED: () => 'Un fichier reçu n’est pas celui qui était annoncé : envoyez-le à nouveau.',
    CONTENT_TYPE_NOT_ALLOWED: (f) => {
      const allowed = f.list('allowed');
      return allowed ? `Ce type de fichier n’est pas accepté : envoyez ${list(allowed)}.` : null;
    },
    'sizeBytes:TOO_LARGE': (f) => {
      const maxBytes = f.number('maxBytes');
      return maxBytes === null ? null : `Ce fichier est trop lourd : au plus ${maxBytes / 1024 / 1024} Mo.`;
    },
    'sizeBytes:EMPTY': () => 'Ce fichier est vide.',
    TOO_MANY_FILES: (f) => {
      const max = f.number('max');
      return max === null ? null : `Cette réclamation a déjà tous les fichiers qu’elle peut recevoir (${max} au plus).`;
    },
    'resolution:NOT_OFFERED': () => 'Cette solution ne vous est pas proposée pour cette réclamation.',
  },
  // Les mêmes mots que la page de paiement de payments (services/payments/src/http/pay-page.words.ts).
  cardFailures: {
    CARD_DECLINED: 'Votre carte a été refusée. Utilisez une autre carte ou contactez votre banque.',
    INSUFFICIENT_FUNDS: 'Le solde de votre carte est insuffisant. Utilisez une autre carte.',
    EXPIRED_CARD: 'Votre carte a expiré. Utilisez une autre carte.',
    INCORRECT_CARD_DETAILS: 'Certaines informations de votre carte sont incorrectes. Vérifiez-les et réessayez.',
    AUTHENTICATION_REQUIRED: 'Votre banque demande de confirmer ce paiement. Payez à nouveau et terminez l’étape de confirmation.',
    PROVIDER_UNAVAILABLE: 'Le service de paiement est momentanément indisponible. Réessayez dans un instant : vous n’avez pas été débité.',
    PAYMENT_FAILED: 'Le paiement n’a pas pu aboutir. Réessayez ou utilisez une autre carte.',
  },
};

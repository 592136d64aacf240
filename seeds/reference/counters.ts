// The Espaces Wallonie, the SPW's regional counters (fact sheet §3). The cities are confirmed;
// street addresses are unconfirmed except Liège (Place Saint-Michel, house number unconfirmed).
// General opening hours were not found: the default below is a plausible placeholder.
import type { CounterSeed } from './types.js';

const DEFAULT_HOURS = 'Lu–Ve 08:30–12:30 / 13:30–16:30';

export const counters: CounterSeed[] = [
  {
    code: 'EW-ARLON',
    labels: { fr: "Espace Wallonie d'Arlon", de: 'Espace Wallonie Arel', nl: 'Espace Wallonie Aarlen', en: 'Espace Wallonie Arlon' },
    city: 'Arlon',
    postalCode: '6700',
    address: 'Place Didier 42, 6700 Arlon',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-CHARLEROI',
    labels: {
      fr: 'Espace Wallonie de Charleroi',
      de: 'Espace Wallonie Charleroi',
      nl: 'Espace Wallonie Charleroi',
      en: 'Espace Wallonie Charleroi',
    },
    city: 'Charleroi',
    postalCode: '6000',
    address: 'Rue de France 3, 6000 Charleroi',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-EUPEN',
    labels: { fr: "Espace Wallonie d'Eupen", de: 'Espace Wallonie Eupen', nl: 'Espace Wallonie Eupen', en: 'Espace Wallonie Eupen' },
    city: 'Eupen',
    postalCode: '4700',
    address: 'Gospertstraße 2, 4700 Eupen',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-LA-LOUVIERE',
    labels: {
      fr: 'Espace Wallonie de La Louvière',
      de: 'Espace Wallonie La Louvière',
      nl: 'Espace Wallonie La Louvière',
      en: 'Espace Wallonie La Louvière',
    },
    city: 'La Louvière',
    postalCode: '7100',
    address: 'Rue Sylvain Guyaux 49, 7100 La Louvière',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-LIEGE',
    labels: { fr: 'Espace Wallonie de Liège', de: 'Espace Wallonie Lüttich', nl: 'Espace Wallonie Luik', en: 'Espace Wallonie Liège' },
    city: 'Liège',
    postalCode: '4000',
    address: 'Place Saint-Michel 86, 4000 Liège',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-MONS',
    labels: { fr: 'Espace Wallonie de Mons', de: 'Espace Wallonie Mons', nl: 'Espace Wallonie Bergen', en: 'Espace Wallonie Mons' },
    city: 'Mons',
    postalCode: '7000',
    address: 'Rue de la Seuwe 18-19, 7000 Mons',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-NAMUR',
    labels: { fr: 'Espace Wallonie de Namur', de: 'Espace Wallonie Namür', nl: 'Espace Wallonie Namen', en: 'Espace Wallonie Namur' },
    city: 'Namur',
    postalCode: '5000',
    address: 'Rue de Bruxelles 20, 5000 Namur',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-NIVELLES',
    labels: { fr: 'Espace Wallonie de Nivelles', de: 'Espace Wallonie Nivelles', nl: 'Espace Wallonie Nijvel', en: 'Espace Wallonie Nivelles' },
    city: 'Nivelles',
    postalCode: '1400',
    address: 'Rue de Namur 67, 1400 Nivelles',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-TOURNAI',
    labels: { fr: 'Espace Wallonie de Tournai', de: 'Espace Wallonie Tournai', nl: 'Espace Wallonie Doornik', en: 'Espace Wallonie Tournai' },
    city: 'Tournai',
    postalCode: '7500',
    address: 'Rue de la Wallonie 19-21, 7500 Tournai',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-VERVIERS',
    labels: { fr: 'Espace Wallonie de Verviers', de: 'Espace Wallonie Verviers', nl: 'Espace Wallonie Verviers', en: 'Espace Wallonie Verviers' },
    city: 'Verviers',
    postalCode: '4800',
    address: 'Rue Coronmeuse 46, 4800 Verviers',
    openingHours: DEFAULT_HOURS,
  },
  {
    code: 'EW-BRUXELLES',
    labels: {
      fr: 'Espace Wallonie de Bruxelles',
      de: 'Espace Wallonie Brüssel',
      nl: 'Espace Wallonie Brussel',
      en: 'Espace Wallonie Brussels',
    },
    city: 'Bruxelles',
    postalCode: '1000',
    address: 'Rue du Marché aux Herbes 25-27, 1000 Bruxelles',
    openingHours: DEFAULT_HOURS,
  },
];

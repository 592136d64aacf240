// The demo knowledge base: answer cards the 1718's first line uses, owned by the second-line
// services of their field. Facts from ../shared/reference/wallonia-facts.md; what the facts sheet
// marks unconfirmed is worded as such or left out. Loaded with the demo data (seeds/load-demo.ts).

export type KnowledgeLanguage = 'fr' | 'de' | 'nl' | 'en';

export interface KnowledgeText {
  title: string;
  /** Markdown. */
  body: string;
}

export interface KnowledgeArticleSeed {
  /** Stable key of the seed, e.g. ENERGY-ROOF-INSULATION: seeding is idempotent by it. */
  key: string;
  /** The service that owns the answer (its agents edit and publish it). */
  ownerServiceCode: string;
  /** INTERNAL: agents only. PUBLIC: also on the portal's FAQ. */
  audience: 'INTERNAL' | 'PUBLIC';
  /** PUBLISHED when omitted. */
  status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  /** Theme codes of seeds/reference/themes.ts (sub-themes preferred). */
  themeCodes: string[];
  /** Procedure codes of seeds/reference/procedures.ts the card explains. */
  procedureCodes?: string[];
  /** Service codes of seeds/reference/services.ts whose coordinates the card gives. */
  serviceCodes?: string[];
  /** YYYY-MM-DD: the owner reviews the card by then; a card past it is stale. */
  reviewDueOn: string;
  /** French is required. */
  texts: { fr: KnowledgeText } & Partial<Record<Exclude<KnowledgeLanguage, 'fr'>, KnowledgeText>>;
  /** Earlier published texts, oldest first: the card's version history before the current one. */
  previousVersions?: { publishedOn: string; texts: { fr: KnowledgeText } & Partial<Record<Exclude<KnowledgeLanguage, 'fr'>, KnowledgeText>> }[];
}

export const knowledgeArticles: KnowledgeArticleSeed[] = [
  // ── Energy: home renovation premiums, audit, advice, public buildings ────────────────────
  {
    key: 'ENERGY-ROOF-INSULATION',
    ownerServiceCode: 'TLPE-ENERGY',
    audience: 'PUBLIC',
    themeCodes: ['ENERGY.PREMIUMS', 'HOUSING.PREMIUMS'],
    procedureCodes: ['PRIME-HABITATION-ISOLATION', 'PRIME-HABITATION-AUDIT'],
    serviceCodes: ['TLPE-ENERGY', 'EXT-GUICHETS-ENERGIE'],
    reviewDueOn: '2027-03-31',
    texts: {
      fr: {
        title: 'Prime pour l’isolation de la toiture',
        body:
          'Depuis le 14 février 2025, les Primes Habitation relèvent d’un régime transitoire. La prime pour l’isolation de la toiture est maintenue, avec des montants revus à la baisse.\n\n' +
          '**Ce qui s’applique**\n' +
          '- montants de base réduits d’environ 60 % en moyenne ;\n' +
          '- prime plafonnée à 70 % de la facture (revenus R1–R2) ou à 50 % (R3–R4) ;\n' +
          '- pas de prime au-delà d’environ 114 400 € de revenus.\n\n' +
          '**Démarches**\n' +
          '1. Faites réaliser un audit logement par un auditeur agréé, en principe requis avant les travaux.\n' +
          '2. Faites exécuter les travaux (isolation de la toiture) et conservez les factures.\n' +
          '3. Introduisez la demande de prime, de préférence en ligne, avec le rapport d’audit et les factures.\n\n' +
          'Le traitement peut prendre jusqu’à deux ans environ. Un nouveau régime a été annoncé à partir du 1er octobre 2026 : la date des factures détermine la règle applicable. Renseignements : Département de l’Énergie ; conseils gratuits : Guichets Énergie Wallonie.',
      },
      de: {
        title: 'Prämie für die Dämmung des Daches',
        body:
          'Seit dem 14. Februar 2025 gilt für die Wohnungsprämien eine Übergangsregelung. Die Prämie für die Dämmung des Daches bleibt bestehen, allerdings mit niedrigeren Beträgen.\n\n' +
          '**Was gilt**\n' +
          '- Grundbeträge im Durchschnitt um etwa 60 % gesenkt;\n' +
          '- Prämie begrenzt auf 70 % des Rechnungsbetrags (Einkommenskategorien R1 und R2) bzw. 50 % (R3 und R4);\n' +
          '- keine Prämie bei Einkommen über etwa 114.400 €.\n\n' +
          '**Vorgehensweise**\n' +
          '1. Lassen Sie ein Wohnungsaudit durch einen zugelassenen Auditor erstellen; es ist vor den Arbeiten am Dach grundsätzlich erforderlich.\n' +
          '2. Lassen Sie die Dämmung ausführen und bewahren Sie die Rechnungen auf.\n' +
          '3. Reichen Sie den Prämienantrag mit Auditbericht und Rechnungen ein, vorzugsweise online.\n\n' +
          'Die Bearbeitung kann bis zu etwa zwei Jahre dauern. Eine neue Regelung wurde ab dem 1. Oktober 2026 angekündigt: Maßgeblich ist das Datum der Rechnungen. Auskünfte erteilt die Abteilung Energie; kostenlose Beratung bei den Energieschaltern der Wallonie.',
      },
      nl: {
        title: 'Premie voor dakisolatie',
        body:
          'Sinds 14 februari 2025 geldt voor de Waalse woningpremies (Primes Habitation) een overgangsregeling. De premie voor de isolatie van het dak blijft bestaan, met lagere bedragen.\n\n' +
          '- Basisbedragen gemiddeld met ongeveer 60 % verlaagd.\n' +
          '- Premie beperkt tot 70 % van de factuur (inkomenscategorieën R1 en R2) of 50 % (R3 en R4).\n' +
          '- Geen premie boven een inkomen van ongeveer 114.400 €.\n\n' +
          '**Stappen**\n' +
          '1. Laat een woningaudit uitvoeren door een erkende auditeur; die is in principe vereist vóór de werken.\n' +
          '2. Laat de werken uitvoeren en bewaar de facturen.\n' +
          '3. Dien de premieaanvraag in, bij voorkeur online, met het auditverslag en de facturen.\n\n' +
          'De behandeling kan tot ongeveer twee jaar duren. Een nieuwe regeling werd aangekondigd vanaf 1 oktober 2026; de datum van de facturen bepaalt welke regels gelden. Inlichtingen: Departement Energie en de Energieloketten van Wallonië.',
      },
      en: {
        title: 'Roof insulation premium',
        body:
          'Since 14 February 2025, Wallonia’s home renovation premiums (Primes Habitation) have been under a transitional scheme. The premium for insulating the roof still exists, with lower amounts.\n\n' +
          '- Base amounts cut by about 60 % on average.\n' +
          '- The premium is capped at 70 % of the invoice (income brackets R1 and R2) or 50 % (R3 and R4).\n' +
          '- No premium above an income of about €114,400.\n\n' +
          '**Steps**\n' +
          '1. Have a home audit carried out by an approved auditor; it is in principle required before the works.\n' +
          '2. Have the works done and keep the invoices.\n' +
          '3. Apply for the premium, preferably online, with the audit report and the invoices.\n\n' +
          'Processing can take up to about two years. A new scheme has been announced from 1 October 2026; the invoice date decides which rules apply. Information: the Energy Department, and free advice at the Guichets Énergie Wallonie.',
      },
    },
    previousVersions: [
      {
        publishedOn: '2023-07-03',
        texts: {
          fr: {
            title: 'Prime pour l’isolation de la toiture',
            body:
              'Depuis le 1er juillet 2023, les montants des Primes Habitation sont augmentés d’environ 40 % en moyenne, y compris la prime pour l’isolation de la toiture.\n\n' +
              '**Ce qui change**\n' +
              '- l’audit logement reste le point de départ, mais l’ordre des travaux qu’il recommande n’est plus contraignant ;\n' +
              '- le rapport de suivi (RSA) après chaque étape de travaux est supprimé.\n\n' +
              '**Démarches**\n' +
              '1. Faites réaliser un audit logement par un auditeur agréé.\n' +
              '2. Faites exécuter les travaux et conservez les factures.\n' +
              '3. Introduisez la demande de prime avec le rapport d’audit et les factures.\n\n' +
              'Délai de traitement indicatif : six à huit mois. Renseignements : Département de l’Énergie ; conseils gratuits auprès des Guichets Énergie Wallonie.',
          },
          de: {
            title: 'Prämie für die Dämmung des Daches',
            body:
              'Seit dem 1. Juli 2023 sind die Beträge der Wohnungsprämien im Durchschnitt um etwa 40 % erhöht, auch die Prämie für die Dämmung des Daches.\n\n' +
              '**Was sich ändert**\n' +
              '- Das Wohnungsaudit bleibt der Ausgangspunkt, die darin empfohlene Reihenfolge der Arbeiten ist jedoch nicht mehr verbindlich.\n' +
              '- Der Folgebericht (RSA) nach jedem Arbeitsschritt entfällt.\n\n' +
              '**Vorgehensweise**\n' +
              '1. Lassen Sie ein Wohnungsaudit durch einen zugelassenen Auditor erstellen.\n' +
              '2. Lassen Sie die Arbeiten am Dach ausführen und bewahren Sie die Rechnungen auf.\n' +
              '3. Reichen Sie den Prämienantrag mit Auditbericht und Rechnungen ein.\n\n' +
              'Voraussichtliche Bearbeitungsdauer: sechs bis acht Monate. Auskünfte erteilt die Abteilung Energie; kostenlose Beratung bei den Energieschaltern der Wallonie.',
          },
        },
      },
    ],
  },
  {
    key: 'ENERGY-WALL-INSULATION',
    ownerServiceCode: 'TLPE-ENERGY',
    audience: 'PUBLIC',
    themeCodes: ['ENERGY.PREMIUMS', 'HOUSING.PREMIUMS'],
    procedureCodes: ['PRIME-HABITATION-ISOLATION'],
    serviceCodes: ['TLPE-ENERGY', 'EXT-GUICHETS-ENERGIE'],
    reviewDueOn: '2027-03-31',
    texts: {
      fr: {
        title: 'Prime pour l’isolation des murs',
        body:
          'L’isolation des murs extérieurs (par l’extérieur, par l’intérieur ou par remplissage de la coulisse) peut donner droit à une Prime Habitation.\n\n' +
          '**Régime transitoire depuis le 14 février 2025**\n' +
          '- montants de base réduits d’environ 60 % en moyenne ;\n' +
          '- prime limitée à 70 % (R1–R2) ou à 50 % (R3–R4) du montant de la facture ;\n' +
          '- pas de prime au-delà d’environ 114 400 € de revenus.\n\n' +
          '**Démarches**\n' +
          '1. Audit logement par un auditeur agréé, en principe requis avant les travaux.\n' +
          '2. Travaux, puis conservation des factures.\n' +
          '3. Demande de prime avec le rapport d’audit et les factures.\n\n' +
          'Une isolation de façade par l’extérieur peut nécessiter un permis d’urbanisme : renseignez-vous auprès de votre commune avant de commencer. Questions sur la prime : Département de l’Énergie ; conseils techniques gratuits : Guichets Énergie Wallonie.',
      },
      de: {
        title: 'Prämie für die Dämmung der Wände',
        body:
          'Die Dämmung der Außenwände (von außen, von innen oder durch Füllen des Hohlraums) kann Anspruch auf eine Wohnungsprämie geben.\n\n' +
          '**Übergangsregelung seit dem 14. Februar 2025**\n' +
          '- Grundbeträge im Durchschnitt um etwa 60 % gesenkt;\n' +
          '- Prämie begrenzt auf 70 % (R1–R2) bzw. 50 % (R3–R4) des Rechnungsbetrags;\n' +
          '- keine Prämie bei Einkommen über etwa 114.400 €.\n\n' +
          '**Vorgehensweise**\n' +
          '1. Wohnungsaudit durch einen zugelassenen Auditor, vor den Arbeiten grundsätzlich erforderlich.\n' +
          '2. Ausführung der Arbeiten, Rechnungen aufbewahren.\n' +
          '3. Prämienantrag mit Auditbericht und Rechnungen.\n\n' +
          'Eine Fassadendämmung von außen kann eine Städtebaugenehmigung erfordern: Erkundigen Sie sich vor Beginn bei Ihrer Gemeinde. Fragen zur Prämie: Abteilung Energie; kostenlose technische Beratung: Energieschalter der Wallonie.',
      },
    },
  },
  {
    key: 'ENERGY-FLOOR-INSULATION',
    ownerServiceCode: 'TLPE-ENERGY',
    audience: 'PUBLIC',
    themeCodes: ['ENERGY.PREMIUMS', 'HOUSING.PREMIUMS'],
    procedureCodes: ['PRIME-HABITATION-ISOLATION'],
    serviceCodes: ['TLPE-ENERGY', 'EXT-GUICHETS-ENERGIE'],
    reviewDueOn: '2027-04-30',
    texts: {
      fr: {
        title: 'Prime pour l’isolation des sols',
        body:
          'L’isolation des sols, par exemple un plancher au-dessus d’une cave non chauffée ou d’un vide ventilé, peut donner droit à une Prime Habitation.\n\n' +
          'Depuis le 14 février 2025, le régime transitoire s’applique : montants de base réduits, prime limitée à 70 % ou 50 % de la facture selon la catégorie de revenus, et aucune prime au-delà d’environ 114 400 € de revenus.\n\n' +
          '**Démarches**\n' +
          '1. Faites réaliser un audit logement : il indique si l’isolation du sol est pertinente et il est en principe requis.\n' +
          '2. Faites exécuter les travaux et gardez les factures détaillées.\n' +
          '3. Introduisez la demande de prime avec le rapport d’audit et les factures.\n\n' +
          'Le dossier est instruit puis la prime est versée ; comptez un délai pouvant atteindre deux ans. Informations : Département de l’Énergie et Guichets Énergie Wallonie.',
      },
      de: {
        title: 'Prämie für die Dämmung der Böden',
        body:
          'Die Dämmung von Böden, zum Beispiel einer Decke über einem unbeheizten Keller oder einem belüfteten Hohlraum, kann Anspruch auf eine Wohnungsprämie geben.\n\n' +
          'Seit dem 14. Februar 2025 gilt die Übergangsregelung: gesenkte Grundbeträge, Prämie je nach Einkommenskategorie auf 70 % bzw. 50 % der Rechnung begrenzt, keine Prämie bei Einkommen über etwa 114.400 €.\n\n' +
          '**Vorgehensweise**\n' +
          '1. Lassen Sie ein Wohnungsaudit erstellen: Es zeigt, ob sich die Bodendämmung lohnt, und ist grundsätzlich erforderlich.\n' +
          '2. Lassen Sie die Arbeiten ausführen und bewahren Sie die detaillierten Rechnungen auf.\n' +
          '3. Reichen Sie den Prämienantrag mit Auditbericht und Rechnungen ein.\n\n' +
          'Die Akte wird geprüft, danach wird die Prämie ausgezahlt; die Bearbeitung kann bis zu zwei Jahre dauern. Auskünfte: Abteilung Energie und Energieschalter der Wallonie.',
      },
    },
  },
  {
    key: 'ENERGY-HOME-AUDIT',
    ownerServiceCode: 'TLPE-ENERGY',
    audience: 'PUBLIC',
    themeCodes: ['ENERGY.AUDIT', 'HOUSING.PREMIUMS'],
    procedureCodes: ['PRIME-HABITATION-AUDIT'],
    serviceCodes: ['TLPE-ENERGY', 'EXT-GUICHETS-ENERGIE'],
    reviewDueOn: '2027-02-28',
    texts: {
      fr: {
        title: 'Audit logement : la première étape des Primes Habitation',
        body:
          'L’audit logement est réalisé par un auditeur agréé, un expert indépendant que vous choisissez. Il visite le logement, évalue son état et sa performance énergétique, puis remet un rapport qui recommande les travaux.\n\n' +
          '- L’audit est en principe requis avant la plupart des primes travaux (isolation, menuiseries, chauffage…).\n' +
          '- Depuis le 1er juillet 2023, l’ordre des travaux recommandé n’est plus contraignant.\n' +
          '- L’audit donne lui-même droit à une prime, demandée après réception du rapport.\n\n' +
          '**Étapes** : visite de l’auditeur, rapport d’audit, demande de prime, instruction, paiement.\n\n' +
          'Depuis le 14 février 2025, le régime transitoire limite les montants ; vérifiez les conditions avant de commander l’audit. Renseignements : Département de l’Énergie ; aide gratuite pour lire le rapport : Guichets Énergie Wallonie.',
      },
      de: {
        title: 'Wohnungsaudit: der erste Schritt zu den Wohnungsprämien',
        body:
          'Das Wohnungsaudit wird von einem zugelassenen Auditor erstellt, einem unabhängigen Fachmann Ihrer Wahl. Er besichtigt die Wohnung, bewertet ihren Zustand und ihre Energieeffizienz und übergibt einen Bericht mit empfohlenen Arbeiten.\n\n' +
          '- Das Audit ist vor den meisten Prämien für Arbeiten (Dämmung, Fenster und Türen, Heizung …) grundsätzlich erforderlich.\n' +
          '- Seit dem 1. Juli 2023 ist die empfohlene Reihenfolge der Arbeiten nicht mehr verbindlich.\n' +
          '- Für das Audit selbst gibt es eine Prämie, die nach Erhalt des Berichts beantragt wird.\n\n' +
          '**Schritte**: Besuch des Auditors, Auditbericht, Prämienantrag, Bearbeitung, Auszahlung.\n\n' +
          'Seit dem 14. Februar 2025 begrenzt die Übergangsregelung die Beträge; prüfen Sie die Bedingungen, bevor Sie das Audit in Auftrag geben. Auskünfte: Abteilung Energie; kostenlose Hilfe beim Lesen des Berichts: Energieschalter der Wallonie.',
      },
      nl: {
        title: 'Woningaudit: de eerste stap naar de woningpremies',
        body:
          'De woningaudit wordt uitgevoerd door een erkende auditeur, een onafhankelijke deskundige die u zelf kiest. Hij bezoekt de woning, beoordeelt de staat en de energieprestatie en bezorgt u een verslag met de aanbevolen werken.\n\n' +
          '- De audit is in principe vereist vóór de meeste premies voor werken (isolatie, schrijnwerk, verwarming …).\n' +
          '- Sinds 1 juli 2023 is de aanbevolen volgorde van de werken niet meer bindend.\n' +
          '- Voor de audit zelf bestaat een premie, aan te vragen na ontvangst van het verslag.\n\n' +
          '**Stappen**: bezoek van de auditeur, auditverslag, premieaanvraag, behandeling, uitbetaling.\n\n' +
          'Sinds 14 februari 2025 beperkt de overgangsregeling de bedragen. Inlichtingen: Departement Energie; gratis hulp bij het lezen van het verslag: Energieloketten van Wallonië.',
      },
      en: {
        title: 'Home audit: the first step towards renovation premiums',
        body:
          'The home audit is carried out by an approved auditor, an independent expert you choose yourself. The auditor visits the home, assesses its condition and energy performance, and delivers a report recommending works.\n\n' +
          '- The audit is in principle required before most works premiums (insulation, windows and doors, heating…).\n' +
          '- Since 1 July 2023, the recommended order of the works is no longer binding.\n' +
          '- The audit itself qualifies for a premium, requested once you have the report.\n\n' +
          '**Steps**: auditor’s visit, audit report, premium application, examination, payment.\n\n' +
          'Since 14 February 2025, the transitional scheme limits the amounts; check the conditions before ordering the audit. Information: the Energy Department; free help reading the report: Guichets Énergie Wallonie.',
      },
    },
    previousVersions: [
      {
        publishedOn: '2019-06-03',
        texts: {
          fr: {
            title: 'Audit logement : la première étape des Primes Habitation',
            body:
              'Depuis le 1er juin 2019, l’audit logement est la porte d’entrée des Primes Habitation. Un auditeur agréé visite le logement et établit un rapport qui regroupe les travaux recommandés en bouquets.\n\n' +
              '- Les travaux doivent être réalisés dans l’ordre fixé par l’audit pour ouvrir le droit aux primes.\n' +
              '- Après chaque bouquet de travaux, l’auditeur établit un rapport de suivi (RSA), joint à la demande de prime.\n' +
              '- L’audit donne lui-même droit à une prime.\n\n' +
              '**Étapes** : visite de l’auditeur, rapport d’audit, travaux, rapport de suivi, demande de prime, instruction, paiement.\n\n' +
              'Renseignements : Département de l’Énergie ; conseils gratuits : Guichets Énergie Wallonie.',
          },
          de: {
            title: 'Wohnungsaudit: der erste Schritt zu den Wohnungsprämien',
            body:
              'Seit dem 1. Juni 2019 ist das Wohnungsaudit der Einstieg in die Wohnungsprämien. Ein zugelassener Auditor besichtigt die Wohnung und erstellt einen Bericht, der die empfohlenen Arbeiten in Pakete einteilt.\n\n' +
              '- Die Arbeiten müssen in der vom Audit festgelegten Reihenfolge ausgeführt werden, um Anspruch auf die Prämien zu haben.\n' +
              '- Nach jedem Arbeitspaket erstellt der Auditor einen Folgebericht (RSA), der dem Prämienantrag beigefügt wird.\n' +
              '- Für das Audit selbst gibt es eine Prämie.\n\n' +
              '**Schritte**: Besuch des Auditors, Auditbericht, Arbeiten, Folgebericht, Prämienantrag, Bearbeitung, Auszahlung.\n\n' +
              'Auskünfte: Abteilung Energie; kostenlose Beratung: Energieschalter der Wallonie.',
          },
        },
      },
    ],
  },
  {
    key: 'ENERGY-ROOF-PREMIUM-2022',
    ownerServiceCode: 'TLPE-ENERGY',
    audience: 'PUBLIC',
    status: 'ARCHIVED',
    themeCodes: ['ENERGY.PREMIUMS'],
    procedureCodes: ['PRIME-TOITURE-2022'],
    serviceCodes: ['TLPE-ENERGY'],
    reviewDueOn: '2027-02-15',
    texts: {
      fr: {
        title: 'Prime toiture sans audit (régime 2022, supprimée)',
        body:
          'Cette prime finançait de petits travaux de toiture sans audit logement préalable. Elle concernait les factures postérieures au 1er novembre 2022 et le dossier devait être introduit dans les 8 mois suivant les travaux.\n\n' +
          '**Elle a été supprimée le 14 février 2025.**\n\n' +
          '- Les dossiers introduits avant la suppression continuent d’être traités ; pour connaître leur état d’avancement, contactez le Département de l’Énergie.\n' +
          '- Aucune nouvelle demande n’est acceptée.\n' +
          '- Pour des travaux récents ou à venir, consultez la fiche sur la prime du régime transitoire consacrée au toit : un audit logement y est en principe requis.\n\n' +
          'Les Guichets Énergie Wallonie peuvent vous conseiller gratuitement sur les aides encore disponibles.',
      },
      de: {
        title: 'Dachprämie ohne Audit (Regelung 2022, abgeschafft)',
        body:
          'Diese Prämie förderte kleinere Arbeiten am Dach ohne vorheriges Wohnungsaudit. Sie galt für Rechnungen nach dem 1. November 2022; der Antrag war innerhalb von 8 Monaten nach den Arbeiten einzureichen.\n\n' +
          '**Sie wurde am 14. Februar 2025 abgeschafft.**\n\n' +
          '- Vor der Abschaffung eingereichte Akten werden weiter bearbeitet; Auskunft zum Bearbeitungsstand erteilt die Abteilung Energie.\n' +
          '- Neue Anträge werden nicht mehr angenommen.\n' +
          '- Für neuere oder geplante Arbeiten gilt die Übergangsregelung der Wohnungsprämien, bei der ein Wohnungsaudit grundsätzlich erforderlich ist.\n\n' +
          'Die Energieschalter der Wallonie beraten Sie kostenlos zu den noch verfügbaren Beihilfen.',
      },
    },
  },
  {
    key: 'ENERGY-HEATING-PREMIUMS',
    ownerServiceCode: 'TLPE-ENERGY',
    audience: 'PUBLIC',
    status: 'ARCHIVED',
    themeCodes: ['ENERGY.PREMIUMS'],
    procedureCodes: ['PRIMES-CHAUFFAGE', 'PRIME-HABITATION-CHAUFFAGE-ECS'],
    serviceCodes: ['TLPE-ENERGY', 'EXT-GUICHETS-ENERGIE'],
    reviewDueOn: '2027-02-15',
    texts: {
      fr: {
        title: 'Primes Chauffage (régime clôturé en 2025)',
        body:
          'Les Primes Chauffage devaient rester ouvertes jusqu’au 31 décembre 2025. Le régime a été clôturé anticipativement en 2025.\n\n' +
          '- Aucune nouvelle demande de Prime Chauffage n’est acceptée.\n' +
          '- Les dossiers déjà introduits restent traités jusqu’à leur décision ; l’état d’avancement se demande au Département de l’Énergie.\n' +
          '- Pour un nouveau système de chauffage ou de production d’eau chaude sanitaire, renseignez-vous sur la Prime Habitation correspondante (régime transitoire depuis le 14 février 2025, audit logement en principe requis).\n\n' +
          'Les Guichets Énergie Wallonie conseillent gratuitement sur le choix d’un système de chauffage et sur les aides encore ouvertes.',
      },
      de: {
        title: 'Heizungsprämien (Regelung 2025 beendet)',
        body:
          'Die Heizungsprämien sollten bis zum 31. Dezember 2025 beantragt werden können. Die Regelung wurde 2025 vorzeitig beendet.\n\n' +
          '- Neue Anträge auf eine Heizungsprämie werden nicht mehr angenommen.\n' +
          '- Bereits eingereichte Akten werden bis zur Entscheidung weiter bearbeitet; Auskunft zum Bearbeitungsstand erteilt die Abteilung Energie.\n' +
          '- Für eine neue Heizung oder Warmwasserbereitung informieren Sie sich über die entsprechende Wohnungsprämie (Übergangsregelung seit dem 14. Februar 2025, Wohnungsaudit grundsätzlich erforderlich).\n\n' +
          'Die Energieschalter der Wallonie beraten Sie kostenlos bei der Wahl einer Heizung und zu den noch offenen Beihilfen.',
      },
    },
  },
  {
    key: 'ENERGY-PREMIUMS-2025-REFORM',
    ownerServiceCode: 'TLPE-HOUSING',
    audience: 'PUBLIC',
    themeCodes: ['HOUSING.PREMIUMS', 'ENERGY.PREMIUMS'],
    procedureCodes: ['PRIME-HABITATION-ISOLATION', 'PRIME-HABITATION-MENUISERIES', 'PRIME-HABITATION-CHAUFFAGE-ECS'],
    serviceCodes: ['TLPE-HOUSING', 'EXT-GUICHETS-ENERGIE'],
    reviewDueOn: '2026-09-30',
    texts: {
      fr: {
        title: 'Primes Habitation : ce qui change depuis le 14 février 2025',
        body:
          'Le 14 février 2025, la Wallonie a remplacé le régime des Primes Habitation du 1er juillet 2023 par un régime transitoire.\n\n' +
          '**Principaux changements**\n' +
          '- montants de base réduits d’environ 60 % en moyenne ;\n' +
          '- prime plafonnée à 70 % de la facture pour les catégories de revenus R1 et R2, à 50 % pour R3 et R4 ;\n' +
          '- plus de prime au-delà d’environ 114 400 € de revenus ;\n' +
          '- suppression de la prime toiture sans audit de 2022 ;\n' +
          '- clôture anticipée des Primes Chauffage.\n\n' +
          'Les dossiers introduits avant le 14 février 2025 restent traités selon les règles de leur régime. Les délais de traitement peuvent atteindre deux ans environ. Pour un conseil personnalisé, adressez-vous aux Guichets Énergie Wallonie ; pour un dossier en cours, au service des Primes Habitation.',
      },
      de: {
        title: 'Wohnungsprämien: Was sich seit dem 14. Februar 2025 ändert',
        body:
          'Am 14. Februar 2025 hat die Wallonie die Regelung der Wohnungsprämien vom 1. Juli 2023 durch eine Übergangsregelung ersetzt.\n\n' +
          '**Wichtigste Änderungen**\n' +
          '- Grundbeträge im Durchschnitt um etwa 60 % gesenkt;\n' +
          '- Prämie für die Einkommenskategorien R1 und R2 auf 70 % der Rechnung begrenzt, für R3 und R4 auf 50 %;\n' +
          '- keine Prämie mehr bei Einkommen über etwa 114.400 €;\n' +
          '- Abschaffung der Prämie ohne Audit von 2022 für kleinere Arbeiten;\n' +
          '- vorzeitiges Ende der Heizungsprämien.\n\n' +
          'Vor dem 14. Februar 2025 eingereichte Akten werden nach den Regeln ihrer Regelung bearbeitet. Die Bearbeitung kann bis zu etwa zwei Jahre dauern. Persönliche Beratung erhalten Sie bei den Energieschaltern der Wallonie; zu laufenden Akten gibt der Dienst Wohnungsprämien Auskunft.',
      },
    },
  },
  {
    key: 'ENERGY-PREMIUMS-2026-REGIME',
    ownerServiceCode: 'TLPE-HOUSING',
    audience: 'PUBLIC',
    status: 'DRAFT',
    themeCodes: ['HOUSING.PREMIUMS', 'ENERGY.PREMIUMS'],
    serviceCodes: ['TLPE-HOUSING', 'EXT-GUICHETS-ENERGIE'],
    reviewDueOn: '2027-01-31',
    texts: {
      fr: {
        title: 'Nouveau régime des Primes Habitation (annoncé au 1er octobre 2026)',
        body:
          'Le Gouvernement wallon a annoncé un nouveau régime de Primes Habitation à partir du 1er octobre 2026, pour succéder au régime transitoire en vigueur depuis le 14 février 2025.\n\n' +
          '**En attendant la publication des textes**\n' +
          '- les conditions, les montants et les plafonds du nouveau régime ne sont pas encore communiqués ici ;\n' +
          '- la date des factures détermine le régime applicable ;\n' +
          '- les dossiers déjà introduits restent traités selon les règles de leur régime.\n\n' +
          'Conseil : avant de signer un devis, faites le point avec un Guichet Énergie Wallonie. Cette fiche sera complétée par le service des Primes Habitation dès que les règles définitives seront publiées.',
      },
      de: {
        title: 'Neue Regelung der Wohnungsprämien (angekündigt zum 1. Oktober 2026)',
        body:
          'Die Wallonische Regierung hat ab dem 1. Oktober 2026 eine neue Regelung der Wohnungsprämien angekündigt, die auf die seit dem 14. Februar 2025 geltende Übergangsregelung folgt.\n\n' +
          '**Bis zur Veröffentlichung der Texte**\n' +
          '- Bedingungen, Beträge und Obergrenzen der neuen Regelung werden hier noch nicht mitgeteilt;\n' +
          '- das Datum der Rechnungen bestimmt, welche Regelung gilt;\n' +
          '- bereits eingereichte Akten werden nach den Regeln ihrer Regelung bearbeitet.\n\n' +
          'Tipp: Lassen Sie sich vor der Unterzeichnung eines Kostenvoranschlags von einem Energieschalter der Wallonie beraten. Der Dienst Wohnungsprämien ergänzt dieses Merkblatt, sobald die endgültigen Regeln veröffentlicht sind.',
      },
    },
  },
  {
    key: 'ENERGY-PREMIUM-FILE-STATUS',
    ownerServiceCode: 'TLPE-HOUSING',
    audience: 'INTERNAL',
    themeCodes: ['HOUSING.PREMIUMS', 'INFORMATION.FILE_STATUS'],
    procedureCodes: ['PRIME-HABITATION-AUDIT', 'PRIME-HABITATION-ISOLATION'],
    serviceCodes: ['TLPE-HOUSING'],
    reviewDueOn: '2026-02-28',
    texts: {
      fr: {
        title: 'Primes Habitation : répondre à une question sur l’état d’avancement',
        body:
          '**Message à donner** (situation communiquée par le service au 1er août 2025) : les demandes de primes travaux introduites le 10 janvier 2024 et les demandes de primes audit introduites le 15 septembre 2024 sont en cours de traitement.\n\n' +
          '1. Demandez la date d’introduction et le type de prime (audit ou travaux), ainsi que le numéro de dossier s’il figure sur l’accusé de réception.\n' +
          '2. Demande plus récente que ces dates : expliquez que le délai est normal ; il peut atteindre deux ans environ.\n' +
          '3. Demande plus ancienne, courrier de pièces manquantes ou refus contesté : transmettez à la deuxième ligne (voir la fiche de transmission d’un dossier de prime).\n\n' +
          'Ne promettez jamais de date de décision ni de paiement.',
      },
      de: {
        title: 'Wohnungsprämien: Auskunft zum Bearbeitungsstand',
        body:
          '**Mitzuteilende Information** (vom Dienst zum 1. August 2025 mitgeteilter Stand): Derzeit werden die am 10. Januar 2024 eingereichten Anträge auf Prämien für Arbeiten und die am 15. September 2024 eingereichten Anträge auf Auditprämien bearbeitet.\n\n' +
          '1. Fragen Sie nach dem Einreichungsdatum und der Art der Prämie (Audit oder Arbeiten) sowie nach dem Aktenzeichen, falls es auf der Empfangsbestätigung steht.\n' +
          '2. Antrag jünger als diese Daten: Erklären Sie, dass die Frist normal ist; sie kann bis zu etwa zwei Jahre betragen.\n' +
          '3. Älterer Antrag, Anforderung fehlender Unterlagen oder angefochtene Ablehnung: an die zweite Linie weiterleiten (siehe Merkblatt zur Weiterleitung einer Prämienakte).\n\n' +
          'Versprechen Sie nie ein Datum für die Entscheidung oder die Auszahlung.',
      },
    },
    previousVersions: [
      {
        publishedOn: '2023-03-14',
        texts: {
          fr: {
            title: 'Primes Habitation : répondre à une question sur l’état d’avancement',
            body:
              '**Message à donner** (situation au 14 mars 2023) : le service traite actuellement les demandes de primes travaux introduites le 1er août 2022 et les demandes de primes audit introduites le 1er décembre 2022.\n\n' +
              '1. Demandez la date d’introduction et le type de prime (audit ou travaux).\n' +
              '2. Demande plus récente que ces dates : le délai est normal.\n' +
              '3. Demande plus ancienne ou courrier de pièces manquantes : transmettez à la deuxième ligne avec le numéro de dossier.\n\n' +
              'Ne promettez jamais de date de décision ni de paiement.',
          },
          de: {
            title: 'Wohnungsprämien: Auskunft zum Bearbeitungsstand',
            body:
              '**Mitzuteilende Information** (Stand 14. März 2023): Derzeit werden die am 1. August 2022 eingereichten Anträge auf Prämien für Arbeiten und die am 1. Dezember 2022 eingereichten Anträge auf Auditprämien bearbeitet.\n\n' +
              '1. Fragen Sie nach dem Einreichungsdatum und der Art der Prämie (Audit oder Arbeiten).\n' +
              '2. Antrag jünger als diese Daten: Die Frist ist normal.\n' +
              '3. Älterer Antrag oder Anforderung fehlender Unterlagen: mit dem Aktenzeichen an die zweite Linie weiterleiten.\n\n' +
              'Versprechen Sie nie ein Datum für die Entscheidung oder die Auszahlung.',
          },
        },
      },
    ],
  },
  {
    key: 'HOUSING-PREMIUM-HANDOFF',
    ownerServiceCode: 'TLPE-HOUSING',
    audience: 'INTERNAL',
    themeCodes: ['HOUSING.PREMIUMS', 'ENERGY.PREMIUMS'],
    serviceCodes: ['TLPE-HOUSING'],
    reviewDueOn: '2027-06-30',
    texts: {
      fr: {
        title: 'Transmettre un dossier de prime à la deuxième ligne',
        body:
          'Transmettez une demande sur une Prime Habitation au service des Primes Habitation lorsque la réponse exige l’accès au dossier ou une appréciation juridique ou technique.\n\n' +
          '**À enregistrer dans la demande**\n' +
          '- nom, langue et moyen de rappel préféré de l’appelant ;\n' +
          '- numéro de dossier et date d’introduction ;\n' +
          '- adresse du logement concerné et type de prime (audit, isolation, menuiseries, chauffage…) ;\n' +
          '- courriers reçus : accusé de réception, demande de pièces manquantes, décision ;\n' +
          '- la question précise, formulée avec les mots de l’appelant.\n\n' +
          'Indiquez à l’appelant que le service le recontactera, sans annoncer de délai. Ne transférez pas l’appel : la deuxième ligne consulte elle-même ses experts si nécessaire.',
      },
      de: {
        title: 'Eine Prämienakte an die zweite Linie weiterleiten',
        body:
          'Leiten Sie eine Anfrage zu einer Wohnungsprämie an den Dienst Wohnungsprämien weiter, wenn die Antwort Zugang zur Akte oder eine rechtliche bzw. technische Beurteilung erfordert.\n\n' +
          '**In der Anfrage zu erfassen**\n' +
          '- Name, Sprache und bevorzugter Rückrufweg des Anrufers;\n' +
          '- Aktenzeichen und Einreichungsdatum;\n' +
          '- Adresse der betroffenen Wohnung und Art der Prämie (Audit, Dämmung, Fenster und Türen, Heizung …);\n' +
          '- erhaltene Schreiben: Empfangsbestätigung, Anforderung fehlender Unterlagen, Entscheidung;\n' +
          '- die genaue Frage, in den Worten des Anrufers.\n\n' +
          'Teilen Sie dem Anrufer mit, dass der Dienst ihn kontaktieren wird, ohne eine Frist zu nennen. Verbinden Sie den Anruf nicht weiter: Die zweite Linie zieht bei Bedarf selbst ihre Fachleute hinzu.',
      },
    },
  },
  {
    key: 'ENERGY-GUICHETS-ENERGIE',
    ownerServiceCode: 'TLPE-ENERGY',
    audience: 'PUBLIC',
    themeCodes: ['ENERGY.ADVICE'],
    serviceCodes: ['EXT-GUICHETS-ENERGIE'],
    reviewDueOn: '2027-05-31',
    texts: {
      fr: {
        title: 'Conseils gratuits en énergie : les Guichets Énergie Wallonie',
        body:
          'Les Guichets Énergie Wallonie donnent des conseils gratuits et neutres aux particuliers sur l’énergie dans le logement.\n\n' +
          '**Ils peuvent vous aider à**\n' +
          '- comprendre un rapport d’audit logement et choisir les travaux prioritaires ;\n' +
          '- comparer des solutions d’isolation, de chauffage ou de ventilation ;\n' +
          '- connaître les primes et prêts encore disponibles et les conditions du régime en vigueur ;\n' +
          '- réduire votre consommation au quotidien.\n\n' +
          'Depuis la réforme des primes du 14 février 2025, les Guichets reçoivent beaucoup de demandes : prévoyez un délai pour obtenir un rendez-vous. Le 1718 vous donne les coordonnées du Guichet le plus proche. Pour l’état d’un dossier de prime, adressez-vous au service des Primes Habitation.',
      },
      de: {
        title: 'Kostenlose Energieberatung: die Energieschalter der Wallonie',
        body:
          'Die Energieschalter der Wallonie beraten Privatpersonen kostenlos und unabhängig zu allen Energiefragen rund um die Wohnung.\n\n' +
          '**Sie helfen Ihnen,**\n' +
          '- einen Auditbericht zu verstehen und vorrangige Arbeiten zu wählen;\n' +
          '- Lösungen für Dämmung, Heizung oder Lüftung zu vergleichen;\n' +
          '- die noch verfügbaren Prämien und Darlehen sowie die geltenden Bedingungen zu kennen;\n' +
          '- Ihren Verbrauch im Alltag zu senken.\n\n' +
          'Seit der Prämienreform vom 14. Februar 2025 sind die Energieschalter stark gefragt: Rechnen Sie mit einer Wartezeit für einen Termin. Die 1719 nennt Ihnen den nächstgelegenen Schalter. Zum Stand einer Prämienakte gibt der Dienst Wohnungsprämien Auskunft.',
      },
    },
  },
  {
    key: 'ENERGY-UREBA',
    ownerServiceCode: 'TLPE-ENERGY',
    audience: 'PUBLIC',
    themeCodes: ['ENERGY.PUBLIC_BUILDINGS'],
    procedureCodes: ['SUBSIDES-UREBA'],
    serviceCodes: ['TLPE-ENERGY'],
    reviewDueOn: '2027-09-30',
    texts: {
      fr: {
        title: 'Subsides UREBA pour les bâtiments publics et non marchands',
        body:
          'Les subsides UREBA soutiennent les travaux d’amélioration énergétique des bâtiments appartenant à des organismes publics (communes, CPAS, provinces…) et à des organismes non marchands (ASBL, écoles…). Le dispositif repose sur l’arrêté du Gouvernement wallon du 10 avril 2003 ; un appel « UREBA exceptionnel » a visé les écoles en 2018.\n\n' +
          '**Étapes**\n' +
          '1. Introduction de la demande de subside, avant les travaux.\n' +
          '2. Accusé de réception et vérification de la recevabilité.\n' +
          '3. Instruction et décision.\n' +
          '4. Paiement sur justificatifs.\n\n' +
          'Les particuliers ne sont pas concernés : orientez-les vers les Primes Habitation. Les questions des organismes demandeurs sont traitées par le Département de l’Énergie.',
      },
      de: {
        title: 'UREBA-Zuschüsse für öffentliche Gebäude und den Non-Profit-Sektor',
        body:
          'Die UREBA-Zuschüsse fördern die energetische Verbesserung von Gebäuden öffentlicher Einrichtungen (Gemeinden, ÖSHZ, Provinzen …) und von Einrichtungen ohne Gewinnerzielungsabsicht (VoGs, Schulen …). Grundlage ist der Erlass der Wallonischen Regierung vom 10. April 2003; ein Aufruf „UREBA exceptionnel“ richtete sich 2018 an die Schulen.\n\n' +
          '**Schritte**\n' +
          '1. Einreichung des Zuschussantrags vor den Arbeiten.\n' +
          '2. Empfangsbestätigung und Prüfung der Zulässigkeit.\n' +
          '3. Bearbeitung und Entscheidung.\n' +
          '4. Auszahlung gegen Belege.\n\n' +
          'Privatpersonen sind nicht betroffen: Für sie gelten die Wohnungsprämien. Fragen antragstellender Einrichtungen beantwortet die Abteilung Energie.',
      },
    },
  },

  // ── Housing: loans, tax credit, allowances, social housing ───────────────────────────────
  {
    key: 'HOUSING-RENOPACK-RENOPRET',
    ownerServiceCode: 'TLPE-HOUSING',
    audience: 'PUBLIC',
    themeCodes: ['HOUSING.LOANS'],
    serviceCodes: ['EXT-SWCS', 'EXT-FLW'],
    reviewDueOn: '2027-06-30',
    texts: {
      fr: {
        title: 'Rénopack et Rénoprêt : prêts à 0 % pour rénover son logement',
        body:
          'La Société wallonne du Crédit social (SWCS) et le Fonds du Logement des familles nombreuses de Wallonie (FLW) proposent des prêts à taux zéro pour rénover un logement.\n\n' +
          '- **Rénopack** : prêt à 0 % avec préfinancement des Primes Habitation. La demande de prêt vaut demande de prime ; un audit logement préalable est requis.\n' +
          '- **Rénopack toiture et électricité** (SWCS) : prêt à 0 % pour ces travaux, primes sans audit.\n' +
          '- **Rénoprêt** : prêt à 0 % pour des travaux qui ne donnent pas droit à une prime, jusqu’à 60 000 € sur 30 ans au maximum.\n\n' +
          '**Où s’adresser ?** Ménages avec 0 à 2 enfants à charge : SWCS et ses guichets du crédit social (17 depuis le 1er septembre 2024). À partir de 3 enfants : FLW. Les conditions suivent le régime de primes en vigueur.',
      },
      de: {
        title: 'Rénopack und Rénoprêt: zinslose Darlehen für die Renovierung',
        body:
          'Die Wallonische Gesellschaft für Sozialkredit (SWCS) und der Wohnungsfonds der kinderreichen Familien der Wallonie (FLW) bieten zinslose Darlehen für die Renovierung einer Wohnung an.\n\n' +
          '- **Rénopack**: Darlehen zu 0 % mit Vorfinanzierung der Wohnungsprämien. Der Darlehensantrag gilt als Prämienantrag; ein vorheriges Wohnungsaudit ist erforderlich.\n' +
          '- **Rénopack Dach und Elektrik** (SWCS): Darlehen zu 0 % für diese Arbeiten, Prämien ohne Audit.\n' +
          '- **Rénoprêt**: Darlehen zu 0 % für Arbeiten ohne Prämienanspruch, bis zu 60.000 € über höchstens 30 Jahre.\n\n' +
          '**An wen wenden?** Haushalte mit 0 bis 2 unterhaltsberechtigten Kindern: SWCS und ihre Sozialkreditschalter (17 seit dem 1. September 2024). Ab 3 Kindern: FLW. Die Bedingungen folgen der geltenden Prämienregelung.',
      },
      nl: {
        title: 'Rénopack en Rénoprêt: renteloze leningen om uw woning te renoveren',
        body:
          'De Waalse Maatschappij voor Sociaal Krediet (SWCS) en het Woningfonds van de kroostrijke gezinnen van Wallonië (FLW) bieden renteloze leningen aan om een woning te renoveren.\n\n' +
          '- **Rénopack**: lening aan 0 % met voorfinanciering van de woningpremies. De leningaanvraag geldt als premieaanvraag; een voorafgaande woningaudit is vereist.\n' +
          '- **Rénopack dak en elektriciteit** (SWCS): lening aan 0 % voor die werken, premies zonder audit.\n' +
          '- **Rénoprêt**: lening aan 0 % voor werken zonder premie, tot 60.000 € over maximaal 30 jaar.\n\n' +
          '**Waar?** Gezinnen met 0 tot 2 kinderen ten laste: SWCS en haar loketten voor sociaal krediet (17 sinds 1 september 2024). Vanaf 3 kinderen: FLW. De voorwaarden volgen de geldende premieregeling.',
      },
      en: {
        title: 'Rénopack and Rénoprêt: interest-free renovation loans',
        body:
          'The Walloon Social Credit Company (SWCS) and the Housing Fund for Large Families of Wallonia (FLW) offer interest-free loans to renovate a home.\n\n' +
          '- **Rénopack**: 0 % loan that pre-finances the home renovation premiums. The loan application counts as the premium application; a prior home audit is required.\n' +
          '- **Rénopack roof and electricity** (SWCS): 0 % loan for those works, with premiums without an audit.\n' +
          '- **Rénoprêt**: 0 % loan for works that do not qualify for a premium, up to €60,000 over at most 30 years.\n\n' +
          '**Where to apply?** Households with 0 to 2 dependent children: SWCS and its social credit offices (17 since 1 September 2024). Three children or more: FLW. Conditions follow the premium scheme in force.',
      },
    },
  },
  {
    key: 'HOUSING-ACCESSPACK',
    ownerServiceCode: 'TLPE-HOUSING',
    audience: 'PUBLIC',
    themeCodes: ['HOUSING.LOANS'],
    serviceCodes: ['EXT-SWCS', 'EXT-FLW'],
    reviewDueOn: '2027-06-30',
    texts: {
      fr: {
        title: 'Accesspack : prêt hypothécaire social pour acheter un logement',
        body:
          'L’Accesspack est un prêt hypothécaire social qui aide les ménages à revenus modestes ou moyens à acheter, construire ou acquérir leur logement en Wallonie.\n\n' +
          '- Un taux réduit est prévu pour les emprunteurs de moins de 35 ans.\n' +
          '- Les conditions (revenus, valeur du bien, occupation personnelle) et le taux applicable sont communiqués lors de l’analyse de la demande.\n\n' +
          '**Où s’adresser ?**\n' +
          '- ménages avec 0 à 2 enfants à charge : Société wallonne du Crédit social (SWCS), par l’intermédiaire de ses guichets du crédit social ;\n' +
          '- ménages avec au moins 3 enfants à charge : Fonds du Logement des familles nombreuses de Wallonie (FLW).\n\n' +
          'Le 1718 ne peut pas simuler un prêt : il oriente vers l’organisme compétent, qui analyse la situation personnelle.',
      },
      de: {
        title: 'Accesspack: sozialer Hypothekarkredit für den Wohnungserwerb',
        body:
          'Der Accesspack ist ein sozialer Hypothekarkredit, der Haushalten mit bescheidenem oder mittlerem Einkommen hilft, in der Wallonie eine Wohnung zu kaufen oder zu bauen.\n\n' +
          '- Für Kreditnehmer unter 35 Jahren ist ein ermäßigter Zinssatz vorgesehen.\n' +
          '- Die Bedingungen (Einkommen, Wert der Immobilie, Eigennutzung) und der anwendbare Zinssatz werden bei der Prüfung des Antrags mitgeteilt.\n\n' +
          '**An wen wenden?**\n' +
          '- Haushalte mit 0 bis 2 unterhaltsberechtigten Kindern: Wallonische Gesellschaft für Sozialkredit (SWCS) über ihre Sozialkreditschalter;\n' +
          '- Haushalte mit mindestens 3 unterhaltsberechtigten Kindern: Wohnungsfonds der kinderreichen Familien der Wallonie (FLW).\n\n' +
          'Die 1719 kann keinen Kredit berechnen: Sie verweist an die zuständige Stelle, die die persönliche Situation prüft.',
      },
    },
  },
  {
    key: 'HOUSING-CHEQUE-HABITAT',
    ownerServiceCode: 'TLPE-HOUSING',
    audience: 'PUBLIC',
    themeCodes: ['HOUSING.CHEQUE_HABITAT'],
    serviceCodes: ['EXT-SPF-FINANCES'],
    reviewDueOn: '2027-04-30',
    texts: {
      fr: {
        title: 'Chèque Habitat : l’avantage fiscal wallon pour l’emprunt hypothécaire',
        body:
          'Le Chèque Habitat est une réduction d’impôt wallonne liée à l’emprunt hypothécaire contracté pour acquérir l’habitation propre et unique. Il s’applique aux emprunts conclus depuis le 1er janvier 2016.\n\n' +
          '- L’avantage est accordé pendant 20 ans au maximum ; il est réduit de moitié après 10 ans.\n' +
          '- Il est exclu au-delà de 81 000 € de revenus nets imposables.\n' +
          '- Il se demande dans la déclaration à l’impôt des personnes physiques de l’année qui suit la signature de l’acte d’emprunt.\n\n' +
          'Le calcul et l’octroi relèvent du SPF Finances (impôt fédéral), qui répond aux questions sur la déclaration. Pour les emprunts conclus jusqu’au 31 décembre 2015, le « bonus logement » reste d’application avec des plafonds gelés.',
      },
      de: {
        title: 'Wohnscheck (Chèque Habitat): Steuervorteil für das Hypothekardarlehen',
        body:
          'Der Wohnscheck (Chèque Habitat) ist eine wallonische Steuerermäßigung für das Hypothekardarlehen, das für den Erwerb der einzigen Eigenwohnung aufgenommen wurde. Er gilt für Darlehen, die seit dem 1. Januar 2016 abgeschlossen wurden.\n\n' +
          '- Der Vorteil wird höchstens 20 Jahre lang gewährt und nach 10 Jahren halbiert.\n' +
          '- Er entfällt bei einem steuerpflichtigen Nettoeinkommen über 81.000 €.\n' +
          '- Er wird in der Einkommensteuererklärung des Jahres nach der Unterzeichnung des Darlehensvertrags beantragt.\n\n' +
          'Berechnung und Gewährung obliegen dem FÖD Finanzen (föderale Steuer), der Fragen zur Erklärung beantwortet. Für Darlehen bis zum 31. Dezember 2015 gilt weiterhin der „Wohnbonus“ mit eingefrorenen Höchstbeträgen.',
      },
    },
  },
  {
    key: 'HOUSING-RENT-ALLOWANCE',
    ownerServiceCode: 'TLPE-HOUSING',
    audience: 'PUBLIC',
    status: 'DRAFT',
    themeCodes: ['HOUSING.ALLOWANCES'],
    procedureCodes: ['ALLOCATION-LOYER', 'ALLOCATION-INSTALLATION'],
    serviceCodes: ['TLPE-HOUSING'],
    reviewDueOn: '2027-03-15',
    texts: {
      fr: {
        title: 'Allocation de loyer et allocation d’installation',
        body:
          'La Wallonie prévoit des aides pour certains ménages locataires. Cette fiche est en cours de validation par le service des aides au logement : les conditions détaillées de l’allocation de loyer ne sont pas encore reprises.\n\n' +
          '**Allocation d’installation (Plan Habitat permanent)**\n' +
          '- pour les ménages qui quittent un équipement touristique (camping, parc résidentiel…) où ils résidaient en permanence ;\n' +
          '- elle aide à s’installer dans un logement ordinaire.\n\n' +
          '**Allocation de loyer**\n' +
          '- conditions de revenus et de logement : à compléter par le service ;\n' +
          '- demande, instruction, décision et paiement selon la procédure habituelle.\n\n' +
          'En attendant, enregistrez la question et transmettez-la au service des aides au logement, qui répond à l’appelant.',
      },
      de: {
        title: 'Mietzulage und Einzugszulage',
        body:
          'Die Wallonie sieht Beihilfen für bestimmte Mieterhaushalte vor. Dieses Merkblatt wird derzeit vom Dienst Wohnungsbeihilfen geprüft: Die genauen Bedingungen der Mietzulage sind noch nicht aufgeführt.\n\n' +
          '**Einzugszulage (Plan für dauerhaftes Wohnen)**\n' +
          '- für Haushalte, die eine touristische Einrichtung (Campingplatz, Ferienpark …) verlassen, in der sie dauerhaft wohnten;\n' +
          '- sie hilft beim Einzug in eine gewöhnliche Wohnung.\n\n' +
          '**Mietzulage**\n' +
          '- Einkommens- und Wohnungsbedingungen: vom Dienst zu ergänzen;\n' +
          '- Antrag, Bearbeitung, Entscheidung und Auszahlung nach dem üblichen Verfahren.\n\n' +
          'Bis dahin erfassen Sie die Frage und leiten sie an den Dienst Wohnungsbeihilfen weiter, der dem Anrufer antwortet.',
      },
    },
  },
  {
    key: 'HOUSING-SOCIAL-HOUSING',
    ownerServiceCode: 'TLPE-HOUSING',
    audience: 'PUBLIC',
    themeCodes: ['HOUSING.SOCIAL_HOUSING'],
    serviceCodes: ['EXT-SWL', 'EXT-MEDIATEUR'],
    reviewDueOn: '2027-05-31',
    texts: {
      fr: {
        title: 'Obtenir un logement public (logement social)',
        body:
          'Les logements publics sont gérés par les sociétés de logement de service public, sous la tutelle de la Société wallonne du Logement (SWL).\n\n' +
          '**Démarches**\n' +
          '1. Renseignez-vous auprès de la société de logement de service public de votre commune ou de la commune souhaitée : c’est elle qui enregistre la candidature.\n' +
          '2. Rassemblez les documents demandés (composition du ménage, revenus).\n' +
          '3. Suivez votre candidature et signalez tout changement de situation.\n\n' +
          'Les conditions d’accès et les délais d’attente varient selon les communes ; la SWL renseigne sur la société compétente. Une contestation d’une décision d’une société de logement peut, après une réclamation auprès de celle-ci, être portée devant le Médiateur de la Wallonie.',
      },
      de: {
        title: 'Eine Sozialwohnung beantragen',
        body:
          'Sozialwohnungen werden von den öffentlichen Wohnungsbaugesellschaften verwaltet, unter der Aufsicht der Wallonischen Wohnungsbaugesellschaft (SWL).\n\n' +
          '**Vorgehensweise**\n' +
          '1. Wenden Sie sich an die öffentliche Wohnungsbaugesellschaft Ihrer Gemeinde oder der gewünschten Gemeinde: Sie registriert die Bewerbung.\n' +
          '2. Stellen Sie die verlangten Unterlagen zusammen (Haushaltszusammensetzung, Einkommen).\n' +
          '3. Verfolgen Sie Ihre Bewerbung und melden Sie jede Änderung Ihrer Situation.\n\n' +
          'In den neun deutschsprachigen Gemeinden ist die Deutschsprachige Gemeinschaft für das Wohnungswesen zuständig. Zugangsbedingungen und Wartezeiten sind je nach Gemeinde verschieden. Nach einer Beschwerde bei der Gesellschaft kann der Ombudsmann angerufen werden.',
      },
    },
  },

  // ── Roads: exceptional transport, network problems, emergencies ──────────────────────────
  {
    key: 'ROADS-EXCEPTIONAL-TRANSPORT',
    ownerServiceCode: 'MI-ROADS',
    audience: 'PUBLIC',
    themeCodes: ['ROADS.EXCEPTIONAL_TRANSPORT'],
    procedureCodes: ['TRANSPORT-EXCEPTIONNEL'],
    serviceCodes: ['MI-ROADS'],
    reviewDueOn: '2027-08-31',
    texts: {
      fr: {
        title: 'Autorisation de transport exceptionnel',
        body:
          'Un véhicule ou un convoi qui dépasse les dimensions ou les masses autorisées doit obtenir une autorisation de transport exceptionnel avant de circuler. Depuis la sixième réforme de l’État, ces autorisations relèvent de la Wallonie (SPW Mobilité et Infrastructures) pour les trajets sur son territoire.\n\n' +
          '**Étapes**\n' +
          '1. Introduction de la demande : caractéristiques du véhicule et du chargement, itinéraire, dates.\n' +
          '2. Accusé de réception.\n' +
          '3. Consultation des gestionnaires de voirie concernés.\n' +
          '4. Décision et délivrance de l’autorisation, éventuellement assortie de conditions (horaires, escorte).\n\n' +
          'Introduisez la demande suffisamment tôt avant le transport. Les questions techniques sur un dossier sont traitées par les Directions des routes.',
      },
      de: {
        title: 'Genehmigung für Sondertransporte',
        body:
          'Ein Fahrzeug oder Konvoi, das die zulässigen Abmessungen oder Gewichte überschreitet, braucht vor der Fahrt eine Genehmigung für Sondertransporte. Seit der sechsten Staatsreform ist dafür die Wallonie (SPW Mobilität und Infrastruktur) für Fahrten auf ihrem Gebiet zuständig.\n\n' +
          '**Schritte**\n' +
          '1. Einreichung des Antrags: Merkmale von Fahrzeug und Ladung, Fahrstrecke, Daten.\n' +
          '2. Empfangsbestätigung.\n' +
          '3. Anhörung der betroffenen Straßenverwalter.\n' +
          '4. Entscheidung und Ausstellung der Genehmigung, gegebenenfalls mit Auflagen (Uhrzeiten, Begleitfahrzeug).\n\n' +
          'Stellen Sie den Antrag rechtzeitig vor dem Transport. Technische Fragen zu einer Akte bearbeiten die Straßendirektionen.',
      },
    },
  },
  {
    key: 'ROADS-REPORT-DAMAGE',
    ownerServiceCode: 'MI-ROADS',
    audience: 'PUBLIC',
    themeCodes: ['ROADS.NETWORK'],
    serviceCodes: ['MI-ROADS', 'EXT-SOFICO'],
    reviewDueOn: '2027-07-31',
    texts: {
      fr: {
        title: 'Signaler un problème sur une route régionale',
        body:
          'Nid-de-poule, signalisation endommagée, éclairage en panne, glissière abîmée : le gestionnaire dépend du type de route.\n\n' +
          '- **Autoroutes et routes régionales** : Wallonie, SPW Mobilité et Infrastructures (la SOFICO finance et exploite le réseau structurant).\n' +
          '- **Voiries communales** : la commune.\n\n' +
          '**Pour signaler un problème non urgent**, indiquez :\n' +
          '- la route (numéro ou nom) et la commune ;\n' +
          '- le sens de circulation et un repère (borne kilométrique, carrefour, numéro de maison) ;\n' +
          '- la nature du problème et, si possible, une photo.\n\n' +
          'Le 1718 enregistre le signalement et le transmet à la Direction des routes compétente. En cas de danger immédiat (obstacle, accident, inondation), appelez le 112 ou la police au 101.',
      },
      de: {
        title: 'Ein Problem auf einer Regionalstraße melden',
        body:
          'Schlagloch, beschädigtes Verkehrsschild, defekte Beleuchtung, beschädigte Leitplanke: Zuständig ist der Verwalter der jeweiligen Straße.\n\n' +
          '- **Autobahnen und Regionalstraßen**: Wallonie, SPW Mobilität und Infrastruktur (die SOFICO finanziert und betreibt das strukturierende Netz).\n' +
          '- **Gemeindestraßen**: die Gemeinde.\n\n' +
          '**Für eine nicht dringende Meldung** nennen Sie:\n' +
          '- die Straße (Nummer oder Name) und die Gemeinde;\n' +
          '- die Fahrtrichtung und einen Anhaltspunkt (Kilometerstein, Kreuzung, Hausnummer);\n' +
          '- die Art des Problems und wenn möglich ein Foto.\n\n' +
          'Die 1719 erfasst die Meldung und leitet sie an die zuständige Straßendirektion weiter. Bei unmittelbarer Gefahr (Hindernis, Unfall, Überschwemmung) rufen Sie die 112 oder die Polizei unter 101 an.',
      },
    },
  },
  {
    key: 'ROADS-URGENT-INCIDENT',
    ownerServiceCode: 'MI-ROADS',
    audience: 'INTERNAL',
    themeCodes: ['ROADS.NETWORK'],
    serviceCodes: ['EXT-SPF-INTERIOR', 'MI-ROADS'],
    reviewDueOn: '2027-10-31',
    texts: {
      fr: {
        title: 'Danger immédiat sur la route ou tempête : orienter vers les secours',
        body:
          'Le 1718 n’est pas un service d’urgence. Si l’appelant décrit un danger immédiat, ne créez pas d’abord un dossier : orientez-le tout de suite.\n\n' +
          '- **Personnes en danger, accident, incendie** : 112.\n' +
          '- **Obstacle dangereux sur la chaussée, circulation à sécuriser** : police, 101.\n' +
          '- **Tempête, arbre tombé ou inondation sans danger pour les personnes** : 1722, numéro des pompiers pour les interventions non urgentes en cas de tempête (SPF Intérieur).\n\n' +
          'Ensuite seulement, si la route régionale reste endommagée (chaussée, signalisation, glissière), enregistrez un signalement pour la Direction des routes : lieu précis, sens de circulation, nature des dégâts, coordonnées de l’appelant.',
      },
      de: {
        title: 'Akute Gefahr auf der Straße oder Unwetter: an die Notdienste verweisen',
        body:
          'Die 1718/1719 ist kein Notdienst. Beschreibt der Anrufer eine unmittelbare Gefahr, legen Sie nicht zuerst eine Akte an, sondern verweisen Sie ihn sofort weiter.\n\n' +
          '- **Personen in Gefahr, Unfall, Brand**: 112.\n' +
          '- **Gefährliches Hindernis auf der Fahrbahn, Verkehr absichern**: Polizei, 101.\n' +
          '- **Sturm, umgestürzter Baum oder Überschwemmung ohne Gefahr für Personen**: 1722, die Nummer der Feuerwehr für nicht dringende Einsätze bei Unwetter (FÖD Inneres).\n\n' +
          'Erst danach, wenn die Regionalstraße beschädigt bleibt (Fahrbahn, Beschilderung, Leitplanke), erfassen Sie eine Meldung für die Straßendirektion: genauer Ort, Fahrtrichtung, Art der Schäden, Kontaktdaten des Anrufers.',
      },
    },
  },

  // ── Mobility: traffic rules, vehicle registration ────────────────────────────────────────
  {
    key: 'MOBILITY-SPEED-LIMITS',
    ownerServiceCode: 'MI-MOBILITY',
    audience: 'PUBLIC',
    themeCodes: ['MOBILITY.TRAFFIC_RULES'],
    serviceCodes: ['MI-MOBILITY'],
    reviewDueOn: '2027-09-30',
    texts: {
      fr: {
        title: 'Limitations de vitesse et signalisation : qui décide ?',
        body:
          'Depuis la sixième réforme de l’État, la Wallonie est compétente pour une partie des règles de circulation, notamment les limitations de vitesse en dehors des autoroutes et la réglementation de la signalisation routière. Elle est aussi chargée de l’homologation des radars.\n\n' +
          '**Qui contacter ?**\n' +
          '- une limitation ou un panneau sur une route régionale : SPW Mobilité et Infrastructures, via le 1718 ;\n' +
          '- une rue de votre commune (zone 30, sens unique, stationnement) : la commune, qui adopte les règlements complémentaires ;\n' +
          '- une amende ou un procès-verbal : l’instance mentionnée sur le courrier reçu.\n\n' +
          'Pour une demande de modification, décrivez précisément le lieu et la raison (sécurité, école, riverains). Le service examine la demande ; il ne s’engage pas sur un délai.',
      },
      de: {
        title: 'Geschwindigkeitsbegrenzungen und Verkehrszeichen: Wer ist zuständig?',
        body:
          'Seit der sechsten Staatsreform ist die Wallonie für einen Teil der Verkehrsregeln zuständig, insbesondere für Geschwindigkeitsbegrenzungen außerhalb der Autobahnen und die Regeln der Straßenbeschilderung. Sie ist auch für die Zulassung der Radargeräte verantwortlich.\n\n' +
          '**An wen wenden?**\n' +
          '- Begrenzung oder Schild auf einer Regionalstraße: SPW Mobilität und Infrastruktur, über die 1719;\n' +
          '- eine Straße Ihrer Gemeinde (Zone 30, Einbahnstraße, Parken): die Gemeinde, die die ergänzenden Verordnungen erlässt;\n' +
          '- eine Geldbuße oder ein Protokoll: die im Schreiben genannte Stelle.\n\n' +
          'Beschreiben Sie bei einem Änderungswunsch genau den Ort und den Grund (Sicherheit, Schule, Anwohner). Der Dienst prüft den Antrag, ohne sich auf eine Frist festzulegen.',
      },
    },
  },
  {
    key: 'MOBILITY-VEHICLE-REGISTRATION',
    ownerServiceCode: 'MI-MOBILITY',
    audience: 'PUBLIC',
    themeCodes: ['MOBILITY.VEHICLE_REGISTRATION', 'TAXATION.VEHICLES'],
    serviceCodes: ['EXT-SPF-MOBILITY-DIV', 'FIN-TAX'],
    reviewDueOn: '2027-08-31',
    texts: {
      fr: {
        title: 'Immatriculer un véhicule : s’adresser à la DIV',
        body:
          'L’immatriculation des véhicules et la délivrance des plaques relèvent de l’État fédéral : SPF Mobilité et Transports, Direction pour l’Immatriculation des Véhicules (DIV). La Wallonie n’intervient pas dans cette démarche.\n\n' +
          '**Ce qui se passe ensuite**\n' +
          '1. La DIV immatricule le véhicule.\n' +
          '2. Elle transmet les données au service fiscal wallon (SPW Finances).\n' +
          '3. Celui-ci calcule la taxe de mise en circulation et la taxe de circulation, puis envoie une invitation à payer.\n\n' +
          'Pour une plaque, un certificat d’immatriculation ou une radiation : DIV. Pour le montant ou le paiement des taxes : SPW Finances (pôle Fiscalité) ; pour une question sur votre propre dossier fiscal, son call center Fiscalité.',
      },
      de: {
        title: 'Ein Fahrzeug zulassen: Zuständig ist die DIV',
        body:
          'Die Zulassung von Fahrzeugen und die Ausgabe der Kennzeichen sind Sache des Föderalstaats: FÖD Mobilität und Transportwesen, Dienst für Fahrzeugzulassungen (DIV). Die Wallonie ist an diesem Schritt nicht beteiligt.\n\n' +
          '**Was danach geschieht**\n' +
          '1. Die DIV lässt das Fahrzeug zu.\n' +
          '2. Sie übermittelt die Daten an den wallonischen Steuerdienst (SPW Finanzen).\n' +
          '3. Dieser berechnet die Zulassungssteuer und die Verkehrssteuer und versendet eine Zahlungsaufforderung.\n\n' +
          'Für Kennzeichen, Zulassungsbescheinigung oder Abmeldung: DIV. Für Höhe oder Zahlung der Steuern: SPW Finanzen (Bereich Steuerwesen); bei Fragen zu Ihrer eigenen Steuerakte dessen Callcenter Steuerwesen.',
      },
    },
  },

  // ── Social action: social emergencies, family, disability ────────────────────────────────
  {
    key: 'SOCIAL-EMERGENCY-LINE',
    ownerServiceCode: 'IAS-SOCIAL-EMERGENCY',
    audience: 'PUBLIC',
    themeCodes: ['SOCIAL.EMERGENCY', 'SOCIAL.POVERTY'],
    serviceCodes: ['IAS-SOCIAL-EMERGENCY', 'IAS-SOCIAL'],
    reviewDueOn: '2027-04-30',
    texts: {
      fr: {
        title: '1718 Urgences sociales : une aide en cas de difficulté',
        body:
          'Vous ne parvenez plus à payer votre loyer ou votre énergie, vous êtes sans logement, seul face à une situation difficile ? Appelez gratuitement le 1718 (le 1719 en allemand) et choisissez l’option 1 « Urgence sociale ».\n\n' +
          '- Un agent vous écoute et, si nécessaire, vous met en relation avec un assistant social.\n' +
          '- Ensemble, vous identifiez les aides possibles et le service qui peut intervenir près de chez vous, en particulier le CPAS de votre commune.\n' +
          '- La ligne fonctionne les jours ouvrables de 8 h 30 à 17 h.\n\n' +
          'En cas de danger pour votre vie ou celle d’autrui, appelez le 112. Le portail luttepauvrete.wallonie.be recense les aides et services existants.',
      },
      de: {
        title: '1718 Soziale Notlagen: Hilfe in schwierigen Situationen',
        body:
          'Sie können Ihre Miete oder Ihre Energierechnung nicht mehr bezahlen, Sie haben keine Wohnung oder stehen allein vor einer schwierigen Lage? Rufen Sie kostenlos die 1719 (auf Französisch die 1718) an und wählen Sie Option 1 „Soziale Notlage“.\n\n' +
          '- Ein Mitarbeiter hört Ihnen zu und verbindet Sie bei Bedarf mit einem Sozialarbeiter.\n' +
          '- Gemeinsam ermitteln Sie mögliche Hilfen und die Stelle, die in Ihrer Nähe helfen kann, insbesondere das ÖSHZ Ihrer Gemeinde.\n' +
          '- Die Linie ist an Werktagen von 8.30 bis 17.00 Uhr erreichbar.\n\n' +
          'Bei Gefahr für Ihr Leben oder das Leben anderer rufen Sie die 112 an. Das Portal luttepauvrete.wallonie.be gibt einen Überblick über bestehende Hilfen.',
      },
      nl: {
        title: '1718 Sociale noodsituaties: hulp bij moeilijkheden',
        body:
          'Kunt u uw huur of energie niet meer betalen, hebt u geen woning of staat u alleen voor een moeilijke situatie? Bel gratis het nummer 1718 (1719 in het Duits) en kies optie 1, sociale noodsituatie.\n\n' +
          '- Een medewerker luistert naar u en brengt u zo nodig in contact met een maatschappelijk werker.\n' +
          '- Samen zoekt u welke hulp mogelijk is en welke dienst in uw buurt kan helpen, vooral het OCMW van uw gemeente.\n' +
          '- De lijn is bereikbaar op werkdagen van 8.30 tot 17 uur.\n\n' +
          'Is uw leven of dat van een ander in gevaar, bel dan 112. Het portaal luttepauvrete.wallonie.be geeft een overzicht van de bestaande hulp.',
      },
      en: {
        title: '1718 Social emergencies: help when you are in difficulty',
        body:
          'Can you no longer pay your rent or energy bills, have you lost your home, or are you facing a difficult situation alone? Call 1718 free of charge (1719 in German) and choose option 1, social emergency.\n\n' +
          '- An agent listens to you and, if needed, puts you in touch with a social worker.\n' +
          '- Together you work out which help is available and which local service can step in, in particular the CPAS (public social welfare centre) of your municipality.\n' +
          '- The line is open on working days from 8.30 am to 5 pm.\n\n' +
          'If your life or someone else’s is in danger, call 112. The luttepauvrete.wallonie.be portal lists the help available.',
      },
    },
  },
  {
    key: 'SOCIAL-EMERGENCY-PROTOCOL',
    ownerServiceCode: 'IAS-SOCIAL-EMERGENCY',
    audience: 'INTERNAL',
    themeCodes: ['SOCIAL.EMERGENCY'],
    serviceCodes: ['IAS-SOCIAL-EMERGENCY'],
    reviewDueOn: '2027-03-31',
    texts: {
      fr: {
        title: 'Protocole : appel relevant d’une urgence sociale',
        body:
          'À appliquer dès qu’un appelant évoque une détresse sociale, quel que soit le motif initial de l’appel.\n\n' +
          '1. **Danger vital** (menace de suicide, violence en cours, personne en détresse médicale) : demandez où se trouve la personne et orientez immédiatement vers le 112 ; restez en ligne si possible.\n' +
          '2. **Urgence sociale sans danger vital** (expulsion, coupure d’énergie, absence de ressources) : proposez le transfert vers l’assistant social de la ligne Urgences sociales.\n' +
          '3. **Hors des heures de présence** des assistants sociaux : enregistrez une demande de rappel avec les coordonnées et les disponibilités de l’appelant, et indiquez le CPAS de sa commune.\n\n' +
          'Notez les faits, pas vos impressions. Ne promettez aucune aide financière : seuls les services compétents décident.',
      },
      de: {
        title: 'Ablauf: Anruf wegen einer sozialen Notlage',
        body:
          'Anzuwenden, sobald ein Anrufer eine soziale Notlage schildert, unabhängig vom ursprünglichen Anlass des Anrufs.\n\n' +
          '1. **Lebensgefahr** (Suizidgefahr, laufende Gewalt, medizinische Notlage): Fragen Sie, wo sich die Person befindet, und verweisen Sie sofort an die 112; bleiben Sie wenn möglich in der Leitung.\n' +
          '2. **Soziale Notlage ohne Lebensgefahr** (Räumung, Energiesperre, fehlende Mittel): Bieten Sie die Weiterverbindung zum Sozialarbeiter der Linie Soziale Notlagen an.\n' +
          '3. **Außerhalb der Präsenzzeiten** der Sozialarbeiter: Erfassen Sie einen Rückrufwunsch mit Kontaktdaten und Erreichbarkeit des Anrufers und nennen Sie das ÖSHZ seiner Gemeinde.\n\n' +
          'Notieren Sie Tatsachen, keine Eindrücke. Versprechen Sie keine finanzielle Hilfe: Darüber entscheiden allein die zuständigen Stellen.',
      },
    },
  },
  {
    key: 'SOCIAL-BIRTH-FAMILY-ALLOWANCES',
    ownerServiceCode: 'IAS-SOCIAL',
    audience: 'PUBLIC',
    themeCodes: ['SOCIAL.FAMILY'],
    serviceCodes: ['EXT-FAMIWAL', 'EXT-AVIQ'],
    reviewDueOn: '2027-05-31',
    texts: {
      fr: {
        title: 'Prime de naissance et allocations familiales',
        body:
          'En Wallonie, les allocations familiales sont versées par des caisses d’allocations familiales : FAMIWAL (caisse publique), Parentia, Camille, Kidslife et Infino. L’AVIQ régule le système depuis le 1er janvier 2019.\n\n' +
          '**Prime de naissance**\n' +
          '1. Faites la demande en ligne sur primedenaissance.wallonie.be dès le début de la grossesse.\n' +
          '2. Envoyez le certificat de grossesse à partir de la 24e semaine.\n' +
          '3. La prime est versée environ deux mois avant la naissance ; le dossier d’allocations familiales est ensuite ouvert automatiquement.\n\n' +
          'Depuis le 1er janvier 2021, chaque famille peut choisir ou changer de caisse. Pour les enfants nés depuis le 1er janvier 2020, le montant de base dépend de l’âge. Pour un dossier en cours, contactez directement votre caisse.',
      },
      de: {
        title: 'Geburtsprämie und Familienleistungen',
        body:
          'In der Wallonie zahlen Familienbeihilfekassen die Familienleistungen aus: FAMIWAL (öffentliche Kasse), Parentia, Camille, Kidslife und Infino. Die AVIQ reguliert das System seit dem 1. Januar 2019.\n\n' +
          '**Geburtsprämie**\n' +
          '1. Beantragen Sie die Prämie online auf primedenaissance.wallonie.be, sobald die Schwangerschaft feststeht.\n' +
          '2. Senden Sie die Schwangerschaftsbescheinigung ab der 24. Woche.\n' +
          '3. Die Prämie wird etwa zwei Monate vor der Geburt ausgezahlt; die Akte für die Familienleistungen wird danach automatisch eröffnet.\n\n' +
          'Seit dem 1. Januar 2021 kann jede Familie ihre Kasse wählen oder wechseln. Für Kinder, die seit dem 1. Januar 2020 geboren sind, hängt der Grundbetrag vom Alter ab. Bei einer laufenden Akte wenden Sie sich direkt an Ihre Kasse.',
      },
    },
  },
  {
    key: 'SOCIAL-DISABILITY',
    ownerServiceCode: 'IAS-SOCIAL',
    audience: 'PUBLIC',
    status: 'DRAFT',
    themeCodes: ['SOCIAL.DISABILITY'],
    serviceCodes: ['EXT-AVIQ', 'EXT-SPF-SOCIAL-SECURITY'],
    reviewDueOn: '2027-02-28',
    texts: {
      fr: {
        title: 'Handicap : vers quel organisme se tourner ?',
        body:
          'Les aides aux personnes en situation de handicap relèvent de plusieurs niveaux de pouvoir. Cette fiche est en cours de validation par le service de l’Action sociale ; les répartitions ci-dessous restent à confirmer.\n\n' +
          '- **Allocations aux personnes handicapées** (revenu de remplacement, allocation d’intégration) : SPF Sécurité sociale, au niveau fédéral.\n' +
          '- **Aide à l’intégration, aides matérielles, aménagement du logement, services d’accueil** : AVIQ, au niveau wallon.\n' +
          '- **Aide sociale urgente** : le CPAS de la commune.\n\n' +
          'Le 1718 oriente l’appelant vers l’organisme compétent et peut envoyer la documentation disponible. Il n’a pas accès aux dossiers individuels de ces organismes.',
      },
      de: {
        title: 'Behinderung: An welche Stelle wende ich mich?',
        body:
          'Hilfen für Menschen mit Behinderung hängen von mehreren Ebenen ab. Dieses Merkblatt wird derzeit vom Dienst Sozialwesen geprüft; die folgende Aufteilung ist noch zu bestätigen.\n\n' +
          '- **Beihilfen für Personen mit Behinderung** (Einkommensersatz, Eingliederungsbeihilfe): FÖD Soziale Sicherheit, auf föderaler Ebene.\n' +
          '- **Eingliederungshilfen, Hilfsmittel, Wohnungsanpassung, Betreuungsdienste**: AVIQ, auf wallonischer Ebene.\n' +
          '- **Dringende Sozialhilfe**: das ÖSHZ der Gemeinde.\n\n' +
          'Die 1719 verweist den Anrufer an die zuständige Stelle und kann verfügbare Unterlagen zusenden. Sie hat keinen Zugang zu den Einzelakten dieser Einrichtungen.',
      },
    },
  },

  // ── Environment: pollution, permits, hunting and fishing, waste, water ───────────────────
  {
    key: 'ENV-POLLUTION-REPORT',
    ownerServiceCode: 'ARNE-ENVIRONMENT',
    audience: 'PUBLIC',
    themeCodes: ['ENVIRONMENT.POLLUTION'],
    procedureCodes: ['SIGNALEMENT-POLLUTION'],
    serviceCodes: ['EXT-SOS-ENVIRONMENT'],
    reviewDueOn: '2027-06-30',
    texts: {
      fr: {
        title: 'Signaler une pollution : SOS Environnement-Nature, 24 h/24',
        body:
          'Rivière polluée, poissons morts, déversement de produits, dépôt de déchets dangereux, atteinte à la nature : vous pouvez le signaler à tout moment, jour et nuit.\n\n' +
          '**Comment faire ?**\n' +
          '1. Appelez le 1718 et choisissez l’option 2 : SOS Environnement-Nature.\n' +
          '2. Répondez aux questions : lieu précis, nature de la pollution, depuis quand, personnes ou animaux touchés, auteur éventuel.\n' +
          '3. Si nécessaire, un agent de garde se rend sur place et dresse un constat ; des suites administratives ou judiciaires peuvent être données.\n\n' +
          'S’il y a un danger pour les personnes (incendie, fuite de gaz, intoxication), appelez d’abord le 112. Ne touchez pas aux produits et ne vous mettez pas en danger.',
      },
      de: {
        title: 'Eine Verschmutzung melden: SOS Umwelt-Natur, rund um die Uhr',
        body:
          'Verschmutzter Bach, tote Fische, ausgelaufene Stoffe, gefährliche Abfälle, Schäden an der Natur: Sie können dies jederzeit melden, Tag und Nacht.\n\n' +
          '**Wie gehen Sie vor?**\n' +
          '1. Rufen Sie die 1718 an und wählen Sie Option 2: SOS Umwelt-Natur.\n' +
          '2. Beantworten Sie die Fragen: genauer Ort, Art der Verschmutzung, seit wann, betroffene Personen oder Tiere, möglicher Verursacher.\n' +
          '3. Bei Bedarf begibt sich ein Bereitschaftsbeamter vor Ort und nimmt eine Feststellung auf; verwaltungsrechtliche oder gerichtliche Folgemaßnahmen sind möglich.\n\n' +
          'Besteht Gefahr für Personen (Brand, Gasaustritt, Vergiftung), rufen Sie zuerst die 112 an. Berühren Sie keine Stoffe und bringen Sie sich nicht in Gefahr.',
      },
      nl: {
        title: 'Een vervuiling melden: SOS Leefmilieu-Natuur, dag en nacht',
        body:
          'Vervuilde rivier, dode vissen, gelekte producten, gevaarlijk afval, schade aan de natuur: u kunt het op elk moment melden, dag en nacht.\n\n' +
          '**Hoe?**\n' +
          '1. Bel 1718 en kies optie 2: SOS Leefmilieu-Natuur.\n' +
          '2. Beantwoord de vragen: precieze plaats, soort vervuiling, sinds wanneer, getroffen personen of dieren, mogelijke vervuiler.\n' +
          '3. Zo nodig gaat een dienstdoende ambtenaar ter plaatse en stelt hij de feiten vast; er kunnen administratieve of gerechtelijke gevolgen volgen.\n\n' +
          'Is er gevaar voor personen (brand, gaslek, vergiftiging), bel dan eerst 112. Raak de producten niet aan en breng uzelf niet in gevaar.',
      },
      en: {
        title: 'Reporting pollution: SOS Environment-Nature, day and night',
        body:
          'Polluted river, dead fish, spilled products, dumped hazardous waste, damage to nature: you can report it at any time, day or night.\n\n' +
          '**How?**\n' +
          '1. Call 1718 and choose option 2: SOS Environment-Nature.\n' +
          '2. Answer the questions: exact location, type of pollution, since when, people or animals affected, possible cause.\n' +
          '3. If needed, an on-duty officer goes to the site and records the findings; administrative or judicial action may follow.\n\n' +
          'If people are in danger (fire, gas leak, poisoning), call 112 first. Do not touch the products and do not put yourself at risk.',
      },
    },
  },
  {
    key: 'ENV-POLLUTION-FIRST-LINE',
    ownerServiceCode: 'ARNE-ENVIRONMENT',
    audience: 'INTERNAL',
    themeCodes: ['ENVIRONMENT.POLLUTION'],
    procedureCodes: ['SIGNALEMENT-POLLUTION'],
    serviceCodes: ['EXT-SOS-ENVIRONMENT', 'ARNE-DPC'],
    reviewDueOn: '2027-06-30',
    texts: {
      fr: {
        title: 'Signalement de pollution reçu en première ligne : que noter ?',
        body:
          'Un appelant arrivé sur la ligne générale signale une pollution : ne le renvoyez pas simplement vers l’option 2. Enregistrez le signalement sur le thème « Signaler une pollution », puis transférez l’appel vers SOS Environnement-Nature, qui décide de l’envoi d’un agent de garde du DPC.\n\n' +
          '**À noter**\n' +
          '- lieu précis (commune, rue, cours d’eau, repère) ;\n' +
          '- nature de la pollution (couleur, odeur, mousse, poissons morts, déchets) ;\n' +
          '- début constaté, pollution en cours ou terminée ;\n' +
          '- auteur présumé, si l’appelant le connaît ;\n' +
          '- coordonnées de l’appelant, s’il accepte d’être recontacté.\n\n' +
          'Danger pour les personnes : 112 d’abord. En dehors des heures d’ouverture, l’option 2 reste joignable 24 h/24.',
      },
      de: {
        title: 'Meldung einer Verschmutzung in der ersten Linie: Was ist zu erfassen?',
        body:
          'Meldet ein Anrufer auf der allgemeinen Linie eine Verschmutzung, verweisen Sie ihn nicht einfach auf Option 2. Erfassen Sie die Meldung unter dem Thema „Eine Verschmutzung melden“ und verbinden Sie dann mit SOS Umwelt-Natur, das über die Entsendung eines Bereitschaftsbeamten der DPC entscheidet.\n\n' +
          '**Zu erfassen**\n' +
          '- genauer Ort (Gemeinde, Straße, Gewässer, Anhaltspunkt);\n' +
          '- Art der Verschmutzung (Farbe, Geruch, Schaum, tote Fische, Abfälle);\n' +
          '- Beginn der Feststellung, Verschmutzung andauernd oder beendet;\n' +
          '- mutmaßlicher Verursacher, falls bekannt;\n' +
          '- Kontaktdaten des Anrufers, wenn er einem Rückruf zustimmt.\n\n' +
          'Gefahr für Personen: zuerst 112. Außerhalb der Öffnungszeiten ist Option 2 rund um die Uhr erreichbar.',
      },
    },
  },
  {
    key: 'ENV-PERMITS',
    ownerServiceCode: 'ARNE-ENVIRONMENT',
    audience: 'PUBLIC',
    themeCodes: ['ENVIRONMENT.PERMITS'],
    procedureCodes: ['PERMIS-ENVIRONNEMENT', 'PERMIS-UNIQUE'],
    serviceCodes: ['ARNE-ENVIRONMENT'],
    reviewDueOn: '2027-07-31',
    texts: {
      fr: {
        title: 'Permis d’environnement, déclaration de classe 3 et permis unique',
        body:
          'Une activité ou une installation susceptible d’avoir un impact sur l’environnement doit être déclarée ou autorisée. Tout commence à la commune où elle se situe.\n\n' +
          '- **Classe 3** : simple déclaration environnementale à la commune, via le formulaire wallon (par exemple citerne à mazout ou à gaz, système d’épuration individuelle, prise d’eau, petit élevage).\n' +
          '- **Classe 1 ou 2** : permis d’environnement, demandé à la commune et instruit avec le SPW Agriculture, Ressources naturelles et Environnement (enquête publique, avis, décision).\n' +
          '- **Permis unique** : une seule procédure lorsque le projet demande à la fois un permis d’environnement et un permis d’urbanisme.\n\n' +
          'Les formulaires existent en français et en allemand. Votre commune vous indique la classe de votre projet.',
      },
      de: {
        title: 'Umweltgenehmigung, Umwelterklärung der Klasse III und Globalgenehmigung',
        body:
          'Eine Tätigkeit oder Anlage, die sich auf die Umwelt auswirken kann, muss erklärt oder genehmigt werden. Erste Anlaufstelle ist immer die Gemeinde, in der sie liegt.\n\n' +
          '- **Klasse III**: einfache Umwelterklärung bei der Gemeinde über das wallonische Formular (zum Beispiel Heizöl- oder Gastank, individuelles Klärsystem, Wasserentnahme, kleine Tierhaltung).\n' +
          '- **Klasse I oder II**: Umweltgenehmigung, bei der Gemeinde beantragt und mit dem SPW Landwirtschaft, Naturschätze und Umwelt bearbeitet (öffentliche Untersuchung, Stellungnahmen, Entscheidung). Die Klasse II hieß früher Betriebsgenehmigung.\n' +
          '- **Globalgenehmigung**: ein einziges Verfahren, wenn das Projekt eine Umwelt- und eine Städtebaugenehmigung erfordert.\n\n' +
          'Die Formulare gibt es auf Französisch und Deutsch. Ihre Gemeinde teilt Ihnen die Klasse Ihres Projekts mit.',
      },
    },
  },
  {
    key: 'ENV-HUNTING-PERMIT',
    ownerServiceCode: 'ARNE-DNF',
    audience: 'PUBLIC',
    themeCodes: ['ENVIRONMENT.HUNTING_FISHING'],
    procedureCodes: ['PERMIS-CHASSE', 'LICENCE-CHASSE', 'EXAMEN-CHASSE'],
    serviceCodes: ['ARNE-DNF'],
    reviewDueOn: '2026-05-31',
    texts: {
      fr: {
        title: 'Permis de chasse, vignette annuelle et examen de chasse',
        body:
          'Pour chasser en Wallonie, il faut avoir réussi l’examen de chasse, puis obtenir le permis de chasse et sa vignette annuelle auprès du Département de la Nature et des Forêts (DNF).\n\n' +
          '**Examen** : une épreuve théorique au printemps, puis une épreuve pratique au Camp Albert, à Marche-en-Famenne. Depuis 2023, l’équivalence avec le permis de chasse français n’est plus accordée.\n\n' +
          '**Permis et vignette**\n' +
          '- être âgé d’au moins 18 ans ;\n' +
          '- payer la taxe au moins 5 jours avant la demande ;\n' +
          '- la vignette est valable à partir du 1er juin de chaque saison.\n\n' +
          'Un refus peut faire l’objet d’un recours auprès du Ministre dans les 30 jours. Un invité non résident peut obtenir une licence de chasse de 5 jours consécutifs au maximum.',
      },
      de: {
        title: 'Jagdschein, Jahresvignette und Jagdprüfung',
        body:
          'Wer in der Wallonie jagen will, muss die Jagdprüfung bestehen und anschließend bei der Abteilung Natur und Forstwesen (DNF) den Jagdschein mit der Jahresvignette erhalten.\n\n' +
          '**Prüfung**: ein theoretischer Teil im Frühjahr, danach ein praktischer Teil im Camp Albert in Marche-en-Famenne. Seit 2023 wird der französische Jagdschein nicht mehr als gleichwertig anerkannt.\n\n' +
          '**Jagdschein und Vignette**\n' +
          '- Mindestalter 18 Jahre;\n' +
          '- die Steuer mindestens 5 Tage vor dem Antrag bezahlen;\n' +
          '- die Vignette gilt ab dem 1. Juni jeder Jagdsaison.\n\n' +
          'Gegen eine Ablehnung kann innerhalb von 30 Tagen beim Minister Beschwerde eingelegt werden. Ein nicht ansässiger Gast kann eine Jagdlizenz für höchstens 5 aufeinanderfolgende Tage erhalten.',
      },
    },
  },
  {
    key: 'ENV-FISHING-PERMIT',
    ownerServiceCode: 'ARNE-DNF',
    audience: 'PUBLIC',
    themeCodes: ['ENVIRONMENT.HUNTING_FISHING'],
    procedureCodes: ['PERMIS-PECHE'],
    serviceCodes: ['ARNE-DNF'],
    reviewDueOn: '2027-03-31',
    texts: {
      fr: {
        title: 'Permis de pêche : achat uniquement en ligne',
        body:
          'Depuis le 1er janvier 2021, le permis de pêche wallon s’achète uniquement en ligne, sur le site permisdepeche.be.\n\n' +
          '**Comment faire ?**\n' +
          '1. Choisissez le type de permis (A, B, J ou T) : le site indique celui qui correspond à votre pratique et à votre âge.\n' +
          '2. Complétez vos données et payez en ligne.\n' +
          '3. Le permis est délivré immédiatement ; gardez-le sur vous, imprimé ou sur votre téléphone, lorsque vous pêchez.\n\n' +
          'Vous n’avez pas d’accès à internet ? Un proche peut faire l’achat pour vous, ou un Espace Wallonie peut vous aider dans la démarche. Les règles de pêche (périodes, lieux, espèces) sont fixées par le Département de la Nature et des Forêts.',
      },
      de: {
        title: 'Angelschein: Kauf nur noch online',
        body:
          'Seit dem 1. Januar 2021 ist der wallonische Angelschein nur noch online erhältlich, auf der Website permisdepeche.be.\n\n' +
          '**Wie gehen Sie vor?**\n' +
          '1. Wählen Sie die Art des Angelscheins (A, B, J oder T): Die Website zeigt, welcher Schein zu Ihrer Angelpraxis und Ihrem Alter passt.\n' +
          '2. Geben Sie Ihre Daten ein und bezahlen Sie online.\n' +
          '3. Der Angelschein wird sofort ausgestellt; führen Sie ihn beim Angeln ausgedruckt oder auf dem Telefon mit.\n\n' +
          'Sie haben keinen Internetzugang? Ein Angehöriger kann den Kauf für Sie erledigen, oder ein Espace Wallonie hilft Ihnen dabei. Die Angelregeln (Zeiten, Orte, Arten) legt die Abteilung Natur und Forstwesen fest.',
      },
    },
  },
  {
    key: 'ENV-WASTE-CARRIER',
    ownerServiceCode: 'ARNE-WASTE',
    audience: 'PUBLIC',
    themeCodes: ['ENVIRONMENT.WASTE'],
    procedureCodes: ['ENREGISTREMENT-COLLECTEUR-TRANSPORTEUR-DECHETS'],
    serviceCodes: ['ARNE-WASTE'],
    reviewDueOn: '2027-10-31',
    texts: {
      fr: {
        title: 'Enregistrement comme collecteur ou transporteur de déchets',
        body:
          'Les entreprises qui collectent ou transportent des déchets en Wallonie doivent être enregistrées auprès du Département du Sol et des Déchets du SPW Agriculture, Ressources naturelles et Environnement.\n\n' +
          '**Étapes**\n' +
          '1. Introduction de la demande d’enregistrement avec les pièces demandées.\n' +
          '2. Accusé de réception et vérification de la complétude.\n' +
          '3. Instruction et décision.\n' +
          '4. Publication de la décision d’enregistrement au Moniteur belge.\n\n' +
          'Pour les déchets ménagers (collecte, recyclage, parcs à conteneurs), adressez-vous à votre commune ou à l’intercommunale de gestion des déchets. Un dépôt sauvage ou dangereux se signale à SOS Environnement-Nature (1718, option 2).',
      },
      de: {
        title: 'Registrierung als Abfallsammler oder -transporteur',
        body:
          'Unternehmen, die in der Wallonie Abfälle sammeln oder transportieren, müssen bei der Abteilung Boden und Abfälle des SPW Landwirtschaft, Naturschätze und Umwelt registriert sein.\n\n' +
          '**Schritte**\n' +
          '1. Einreichung des Registrierungsantrags mit den verlangten Unterlagen.\n' +
          '2. Empfangsbestätigung und Prüfung der Vollständigkeit.\n' +
          '3. Bearbeitung und Entscheidung.\n' +
          '4. Veröffentlichung der Registrierungsentscheidung im Belgischen Staatsblatt.\n\n' +
          'Für Haushaltsabfälle (Abholung, Recycling, Containerparks) wenden Sie sich an Ihre Gemeinde oder an die zuständige Interkommunale. Illegale oder gefährliche Ablagerungen melden Sie SOS Umwelt-Natur (1718, Option 2).',
      },
    },
  },
  {
    key: 'ENV-INDIVIDUAL-WASTEWATER',
    ownerServiceCode: 'ARNE-ENVIRONMENT',
    audience: 'PUBLIC',
    themeCodes: ['ENVIRONMENT.WATER'],
    procedureCodes: ['PRIME-EPURATION-INDIVIDUELLE'],
    serviceCodes: ['ARNE-ENVIRONMENT', 'EXT-SWDE'],
    reviewDueOn: '2027-08-31',
    texts: {
      fr: {
        title: 'Système d’épuration individuelle : prime et déclaration',
        body:
          'Une habitation qui n’est pas raccordée à l’égout peut devoir s’équiper d’un système d’épuration individuelle.\n\n' +
          '**Avant l’installation**\n' +
          '- déclarez le système à votre commune (déclaration environnementale de classe 3) ;\n' +
          '- renseignez-vous sur le régime d’assainissement applicable à votre rue.\n\n' +
          '**Prime à l’installation**\n' +
          '1. Complétez le formulaire intégré en trois parties.\n' +
          '2. Joignez l’attestation de contrôle du système et les factures.\n' +
          '3. Le dossier est instruit, puis la prime est versée.\n\n' +
          'Vérifiez auprès du service que la prime est toujours ouverte avant d’engager les travaux. Pour la distribution d’eau (compteur, facture, qualité de l’eau du robinet), contactez la SWDE ou votre distributeur.',
      },
      de: {
        title: 'Individuelles Klärsystem: Prämie und Umwelterklärung',
        body:
          'Eine Wohnung ohne Kanalanschluss muss unter Umständen mit einem individuellen Klärsystem ausgestattet werden.\n\n' +
          '**Vor der Installation**\n' +
          '- erklären Sie das System bei Ihrer Gemeinde (Umwelterklärung der Klasse III);\n' +
          '- erkundigen Sie sich, welche Abwasserregelung für Ihre Straße gilt.\n\n' +
          '**Prämie für die Installierung**\n' +
          '1. Füllen Sie das dreiteilige Formular aus.\n' +
          '2. Fügen Sie die Kontrollbescheinigung des Systems und die Rechnungen bei.\n' +
          '3. Die Akte wird bearbeitet, danach wird die Prämie ausgezahlt.\n\n' +
          'Prüfen Sie vor Beginn der Arbeiten beim Dienst, ob die Prämie noch gewährt wird. Für die Wasserversorgung (Zähler, Rechnung, Trinkwasserqualität) wenden Sie sich an die SWDE oder Ihren Wasserversorger.',
      },
    },
  },

  // ── Agriculture: area declaration and CAP aid ────────────────────────────────────────────
  {
    key: 'AGRI-AREA-DECLARATION',
    ownerServiceCode: 'ARNE-OPW',
    audience: 'PUBLIC',
    themeCodes: ['AGRICULTURE.AREA_DECLARATION', 'AGRICULTURE.CAP_AIDS'],
    procedureCodes: ['DECLARATION-SUPERFICIE', 'PAIEMENTS-DIRECTS-PAC', 'ENGAGEMENTS-MAEC-BIO'],
    serviceCodes: ['ARNE-OPW'],
    reviewDueOn: '2027-01-31',
    texts: {
      fr: {
        title: 'Déclaration de superficie : à introduire pour le 30 avril',
        body:
          'La déclaration de superficie et demande d’aides (DS) est la démarche annuelle qui ouvre les aides de la PAC : paiements directs du premier pilier et aides environnementales du second pilier. Une seule déclaration couvre les deux.\n\n' +
          '**Étapes**\n' +
          '1. Vous recevez au préalable vos photo-plans.\n' +
          '2. Vous complétez la déclaration électronique sur PAC-on-Web au plus tard le 30 avril.\n' +
          '3. L’Organisme payeur de Wallonie effectue les contrôles administratifs et sur place, puis décide et paie.\n\n' +
          'Les transferts de parcelles engagées en MAEC ou en agriculture biologique doivent être réglés avant le dépôt de la déclaration. Le manuel d’aide et la notice explicative sont publiés chaque année. Questions sur un dossier : votre Direction extérieure de l’OPW.',
      },
      de: {
        title: 'Flächenerklärung: bis zum 30. April einzureichen',
        body:
          'Die Flächenerklärung und der Beihilfeantrag sind der jährliche Schritt, der die GAP-Beihilfen eröffnet: Direktzahlungen der ersten Säule und Umweltbeihilfen der zweiten Säule. Eine einzige Erklärung deckt beide ab.\n\n' +
          '**Schritte**\n' +
          '1. Sie erhalten vorab Ihre Fotopläne.\n' +
          '2. Sie füllen die elektronische Erklärung auf PAC-on-Web bis spätestens 30. April aus.\n' +
          '3. Die Zahlstelle der Wallonie führt Verwaltungskontrollen und Kontrollen vor Ort durch, entscheidet und zahlt aus.\n\n' +
          'Übertragungen von Parzellen mit Agrarumwelt- oder Bio-Verpflichtungen sind vor dem Einreichen der Erklärung zu regeln. Das Handbuch und die Erläuterungen erscheinen jedes Jahr. Fragen zu einer Akte: Ihre Außendirektion der Zahlstelle.',
      },
    },
    previousVersions: [
      {
        publishedOn: '2020-03-30',
        texts: {
          fr: {
            title: 'Déclaration de superficie 2020 : délai prolongé au 30 mai',
            body:
              'Pour la campagne 2020, la date limite de la déclaration de superficie et demande d’aides (DS) est exceptionnellement reportée au 30 mai.\n\n' +
              '**Étapes**\n' +
              '1. Vous recevez au préalable vos photo-plans.\n' +
              '2. Vous complétez la déclaration électronique sur PAC-on-Web au plus tard le 30 mai 2020.\n' +
              '3. L’Organisme payeur de Wallonie effectue les contrôles, décide et paie.\n\n' +
              'Une seule déclaration couvre les paiements directs du premier pilier et les aides environnementales du second pilier. Questions sur un dossier : votre Direction extérieure de l’OPW.',
          },
          de: {
            title: 'Flächenerklärung 2020: Frist bis zum 30. Mai verlängert',
            body:
              'Für das Antragsjahr 2020 wird die Frist für die Flächenerklärung und den Beihilfeantrag ausnahmsweise auf den 30. Mai verschoben.\n\n' +
              '**Schritte**\n' +
              '1. Sie erhalten vorab Ihre Fotopläne.\n' +
              '2. Sie füllen die elektronische Erklärung auf PAC-on-Web bis spätestens 30. Mai 2020 aus.\n' +
              '3. Die Zahlstelle der Wallonie führt die Kontrollen durch, entscheidet und zahlt aus.\n\n' +
              'Eine einzige Erklärung deckt die Direktzahlungen der ersten Säule und die Umweltbeihilfen der zweiten Säule ab. Fragen zu einer Akte: Ihre Außendirektion der Zahlstelle.',
          },
        },
      },
    ],
  },
  {
    key: 'AGRI-DS-MODIFICATION',
    ownerServiceCode: 'ARNE-OPW',
    audience: 'PUBLIC',
    themeCodes: ['AGRICULTURE.AREA_DECLARATION'],
    procedureCodes: ['MODIFICATION-DS'],
    serviceCodes: ['ARNE-OPW'],
    reviewDueOn: '2027-07-31',
    texts: {
      fr: {
        title: 'Déclaration de superficie : modification proposée après monitoring S-TER',
        body:
          'L’Organisme payeur de Wallonie suit les parcelles déclarées par monitoring satellitaire (S-TER). Lorsque les images ne correspondent pas à la déclaration, il propose une modification.\n\n' +
          '**Ce qui se passe**\n' +
          '1. Vers la mi-septembre, vous recevez un courriel vous invitant à consulter la proposition.\n' +
          '2. Une demande de modification pré-remplie est disponible.\n' +
          '3. Vous l’introduisez au plus tard le 30 septembre, ou vous contestez la proposition auprès de votre Direction extérieure.\n\n' +
          'Sans réaction de votre part, les constats du monitoring peuvent être pris en compte dans le calcul de vos aides. En cas de doute sur une parcelle, contactez votre Direction extérieure avant l’échéance.',
      },
      de: {
        title: 'Flächenerklärung: Änderungsvorschlag nach der S-TER-Überwachung',
        body:
          'Die Zahlstelle der Wallonie überwacht die erklärten Parzellen per Satellit (S-TER). Stimmen die Bilder nicht mit der Erklärung überein, schlägt sie eine Änderung vor.\n\n' +
          '**Ablauf**\n' +
          '1. Gegen Mitte September erhalten Sie eine E-Mail mit der Aufforderung, den Vorschlag einzusehen.\n' +
          '2. Ein vorausgefüllter Änderungsantrag steht bereit.\n' +
          '3. Sie reichen ihn bis spätestens 30. September ein oder fechten den Vorschlag bei Ihrer Außendirektion an.\n\n' +
          'Reagieren Sie nicht, können die Feststellungen der Überwachung bei der Berechnung Ihrer Beihilfen berücksichtigt werden. Bei Zweifeln zu einer Parzelle wenden Sie sich vor Fristablauf an Ihre Außendirektion.',
      },
    },
  },

  // ── Taxation: personal tax files (redirect), vehicle taxes, property tax, TV licence ─────
  {
    key: 'TAX-PERSONAL-FILE-REDIRECT',
    ownerServiceCode: 'FIN-TAX',
    audience: 'INTERNAL',
    themeCodes: ['TAXATION.PERSONAL_FILE'],
    serviceCodes: ['EXT-TAX-CALLCENTRE', 'EXT-SPF-FINANCES'],
    reviewDueOn: '2027-01-31',
    texts: {
      fr: {
        title: 'Dossier fiscal personnel : rediriger vers le call center Fiscalité',
        body:
          'Le 1718 ne traite pas les dossiers fiscaux personnels : il n’a pas accès aux données fiscales des contribuables.\n\n' +
          '**Sont concernés** : le montant ou le paiement d’une taxe régionale reçue par l’appelant (taxe de circulation, précompte immobilier, redevance télévision), un remboursement, un rappel, un plan de paiement.\n\n' +
          '**Conduite à tenir**\n' +
          '1. Expliquez poliment que seul le call center Fiscalité du SPW Finances a accès au dossier.\n' +
          '2. Donnez ses coordonnées (fiche du service) ; rappelez d’avoir sous la main l’avertissement-extrait de rôle ou l’invitation à payer.\n' +
          '3. Enregistrez le contact sur le thème « Dossier fiscal personnel », sans noter de données fiscales.\n\n' +
          'L’impôt des personnes physiques (y compris le Chèque Habitat) relève du SPF Finances. Les questions générales sur les taxes wallonnes restent traitées par le 1718.',
      },
      de: {
        title: 'Persönliche Steuerakte: an das Callcenter Steuerwesen verweisen',
        body:
          'Die 1718/1719 bearbeitet keine persönlichen Steuerakten: Sie hat keinen Zugang zu den Steuerdaten der Steuerpflichtigen.\n\n' +
          '**Betroffen sind**: Höhe oder Zahlung einer Regionalsteuer, die der Anrufer erhalten hat (Verkehrssteuer, Immobiliensteuervorabzug, Fernsehgebühr), eine Rückerstattung, eine Mahnung, ein Zahlungsplan.\n\n' +
          '**Vorgehensweise**\n' +
          '1. Erklären Sie höflich, dass nur das Callcenter Steuerwesen des SPW Finanzen Zugang zur Akte hat.\n' +
          '2. Nennen Sie dessen Kontaktdaten (Dienststellenblatt); der Anrufer soll den Steuerbescheid oder die Zahlungsaufforderung bereithalten.\n' +
          '3. Erfassen Sie den Kontakt unter dem Thema „Persönliche Steuerakte“, ohne Steuerdaten zu notieren.\n\n' +
          'Die Einkommensteuer (einschließlich Wohnscheck) ist Sache des FÖD Finanzen. Allgemeine Fragen zu den wallonischen Steuern beantwortet weiterhin die 1718/1719.',
      },
      nl: {
        title: 'Persoonlijk belastingdossier: doorverwijzen naar het callcenter Fiscaliteit',
        body:
          'Het nummer 1718 behandelt geen persoonlijke belastingdossiers: het heeft geen toegang tot de fiscale gegevens van belastingplichtigen.\n\n' +
          '**Het gaat om**: het bedrag of de betaling van een gewestelijke belasting die de beller ontvangen heeft (verkeersbelasting, onroerende voorheffing, kijkgeld), een terugbetaling, een herinnering, een afbetalingsplan.\n\n' +
          '**Werkwijze**\n' +
          '1. Leg beleefd uit dat alleen het callcenter Fiscaliteit van SPW Financiën toegang heeft tot het dossier.\n' +
          '2. Geef de contactgegevens (fiche van de dienst); de beller houdt best het aanslagbiljet of de uitnodiging tot betaling bij de hand.\n' +
          '3. Registreer het contact onder het thema Persoonlijk belastingdossier, zonder fiscale gegevens te noteren.\n\n' +
          'De personenbelasting valt onder de FOD Financiën. Algemene vragen over de Waalse belastingen beantwoordt het 1718 wel.',
      },
      en: {
        title: 'Personal tax file: redirecting to the tax call centre',
        body:
          'The 1718 does not handle personal tax files: it has no access to taxpayers’ tax data.\n\n' +
          '**This covers**: the amount or payment of a regional tax the caller has received (road tax, property tax, TV licence fee), a refund, a reminder, a payment plan.\n\n' +
          '**What to do**\n' +
          '1. Explain politely that only the SPW Finance tax call centre has access to the file.\n' +
          '2. Give its contact details (from the service record); the caller should keep the tax notice or invitation to pay at hand.\n' +
          '3. Record the contact under the theme Personal tax file, without noting any tax data.\n\n' +
          'Personal income tax (including the Chèque Habitat) is a matter for the FPS Finance. General questions about Walloon taxes are still answered by the 1718.',
      },
    },
  },
  {
    key: 'TAX-VEHICLE-TAXES',
    ownerServiceCode: 'FIN-TAX',
    audience: 'PUBLIC',
    themeCodes: ['TAXATION.VEHICLES'],
    procedureCodes: [
      'TAXE-CIRCULATION',
      'TAXE-MISE-EN-CIRCULATION',
      'DECLARATION-VEHICULE-NON-AUTOMATISE',
      'REMBOURSEMENT-TAXE-CIRCULATION',
    ],
    serviceCodes: ['FIN-TAX', 'EXT-SPF-MOBILITY-DIV'],
    reviewDueOn: '2027-05-31',
    texts: {
      fr: {
        title: 'Taxe de circulation et taxe de mise en circulation',
        body:
          'Depuis 2014, la Wallonie perçoit elle-même les taxes sur les véhicules immatriculés sur son territoire.\n\n' +
          '- **Voitures, motos et autres véhicules « automatisés »** : aucune démarche. La DIV transmet l’immatriculation au SPW Finances, qui envoie une invitation à payer.\n' +
          '- **Taxe de mise en circulation** (avec l’éco-malus éventuel) : due une fois après l’immatriculation ; elle n’est pas due à nouveau en cas de réimmatriculation au même numéro national.\n' +
          '- **Poids lourds de plus de 3,5 t, remorques, plaques marchand** : le véhicule doit être déclaré en ligne avant sa mise en usage ; le signe distinctif fiscal est délivré après paiement (avant paiement pour les poids lourds et autocars).\n' +
          '- **Changement de véhicule** : la taxe de circulation payée en trop peut être remboursée.\n\n' +
          'Pour votre propre dossier (montant, paiement, remboursement) : call center Fiscalité du SPW Finances.',
      },
      de: {
        title: 'Verkehrssteuer und Zulassungssteuer',
        body:
          'Seit 2014 erhebt die Wallonie die Steuern auf die in ihrem Gebiet zugelassenen Fahrzeuge selbst.\n\n' +
          '- **Pkw, Motorräder und andere „automatisierte“ Fahrzeuge**: kein Schritt nötig. Die DIV übermittelt die Zulassung an den SPW Finanzen, der eine Zahlungsaufforderung versendet.\n' +
          '- **Zulassungssteuer** (gegebenenfalls mit Öko-Malus): einmalig nach der Zulassung fällig; bei einer erneuten Zulassung unter derselben Nationalregisternummer nicht erneut.\n' +
          '- **LKW über 3,5 t, Anhänger, Händlerkennzeichen**: Das Fahrzeug ist vor der Inbetriebnahme online zu erklären; die Steuervignette wird nach der Zahlung ausgestellt (bei LKW und Reisebussen vor der Zahlung).\n' +
          '- **Fahrzeugwechsel**: zu viel gezahlte Verkehrssteuer kann erstattet werden.\n\n' +
          'Zu Ihrer eigenen Akte (Betrag, Zahlung, Erstattung): Callcenter Steuerwesen des SPW Finanzen.',
      },
    },
  },
  {
    key: 'TAX-PROPERTY-REDUCTION',
    ownerServiceCode: 'FIN-TAX',
    audience: 'PUBLIC',
    themeCodes: ['TAXATION.PROPERTY'],
    procedureCodes: ['REDUCTION-PRECOMPTE-IMMOBILIER', 'COPIE-AVERTISSEMENT-EXTRAIT-ROLE'],
    serviceCodes: ['FIN-TAX', 'EXT-SPF-FINANCES'],
    reviewDueOn: '2027-04-30',
    texts: {
      fr: {
        title: 'Réduction du précompte immobilier',
        body:
          'Depuis le 1er janvier 2021, le précompte immobilier des biens situés en Wallonie est établi et perçu par le SPW Finances (pôle Fiscalité). Il s’élève à 1,25 % du revenu cadastral indexé, auquel s’ajoutent les centimes additionnels de la province et de la commune.\n\n' +
          '**Réductions possibles**\n' +
          '- habitation modeste ;\n' +
          '- enfants à charge ;\n' +
          '- personne handicapée dans le ménage.\n\n' +
          '**Démarches**\n' +
          '1. Vérifiez votre avertissement-extrait de rôle : certaines réductions y figurent déjà.\n' +
          '2. Sinon, introduisez la demande auprès du SPW Finances avec les justificatifs.\n' +
          '3. Besoin d’une copie de l’avertissement-extrait de rôle ? Demandez-la par courriel au service fiscal.\n\n' +
          'Le revenu cadastral lui-même relève du SPF Finances (MyMinfin, « Mon patrimoine »).',
      },
      de: {
        title: 'Ermäßigung des Immobiliensteuervorabzugs',
        body:
          'Seit dem 1. Januar 2021 wird der Immobiliensteuervorabzug für Güter in der Wallonie vom SPW Finanzen (Bereich Steuerwesen) festgesetzt und erhoben. Er beträgt 1,25 % des indexierten Katastereinkommens zuzüglich der Zuschlaghundertstel der Provinz und der Gemeinde.\n\n' +
          '**Mögliche Ermäßigungen**\n' +
          '- bescheidene Wohnung;\n' +
          '- unterhaltsberechtigte Kinder;\n' +
          '- Person mit Behinderung im Haushalt.\n\n' +
          '**Vorgehensweise**\n' +
          '1. Prüfen Sie Ihren Steuerbescheid: Manche Ermäßigungen sind bereits berücksichtigt.\n' +
          '2. Andernfalls stellen Sie den Antrag mit Nachweisen beim SPW Finanzen.\n' +
          '3. Sie brauchen eine Kopie des Steuerbescheids? Fordern Sie sie per E-Mail beim Steuerdienst an.\n\n' +
          'Für das Katastereinkommen selbst ist der FÖD Finanzen zuständig (MyMinfin).',
      },
    },
  },
  {
    key: 'TAX-TV-LICENCE-ARREARS',
    ownerServiceCode: 'FIN-TAX',
    audience: 'PUBLIC',
    themeCodes: ['TAXATION.TV_LICENCE'],
    procedureCodes: ['REDEVANCE-TV-ARRIERES'],
    serviceCodes: ['FIN-TAX', 'EXT-TAX-CALLCENTRE'],
    reviewDueOn: '2025-12-31',
    texts: {
      fr: {
        title: 'Redevance télévision : arriérés et recouvrement par huissier',
        body:
          'La redevance télévision wallonne (100 € par an) a été supprimée pour les périodes imposables commençant en 2018. Les montants dus pour les périodes antérieures restent toutefois exigibles.\n\n' +
          '**Périodes de taxation** : selon l’initiale, d’avril à mars (A à J) ou d’octobre à septembre (K à Z).\n\n' +
          '**Vous recevez un rappel ou un courrier d’huissier ?**\n' +
          '- Le recouvrement forcé est confié à un huissier de justice ; un plan de paiement se négocie directement avec lui.\n' +
          '- Si vous estimez ne rien devoir (pas de téléviseur, déménagement, paiement déjà effectué), rassemblez vos preuves et contactez le service fiscal.\n\n' +
          'Questions sur votre propre dossier : call center Fiscalité du SPW Finances, qui a accès aux données. Le 1718 n’y a pas accès.',
      },
      de: {
        title: 'Fernsehgebühr: Rückstände und Eintreibung durch den Gerichtsvollzieher',
        body:
          'Die wallonische Fernsehgebühr (100 € pro Jahr) wurde für Besteuerungszeiträume ab 2018 abgeschafft. Beträge für frühere Zeiträume bleiben jedoch geschuldet.\n\n' +
          '**Besteuerungszeiträume**: je nach Anfangsbuchstaben von April bis März (A bis J) oder von Oktober bis September (K bis Z).\n\n' +
          '**Sie erhalten eine Mahnung oder ein Schreiben eines Gerichtsvollziehers?**\n' +
          '- Die Zwangseintreibung ist einem Gerichtsvollzieher übertragen; einen Zahlungsplan vereinbaren Sie direkt mit ihm.\n' +
          '- Wenn Sie meinen, nichts zu schulden (kein Fernsehgerät, Umzug, bereits gezahlt), sammeln Sie Ihre Nachweise und wenden Sie sich an den Steuerdienst.\n\n' +
          'Fragen zu Ihrer eigenen Akte: Callcenter Steuerwesen des SPW Finanzen, das Zugang zu den Daten hat. Die 1719 hat keinen Zugang.',
      },
    },
  },
  {
    key: 'TAX-REGIONAL-COMPLAINT',
    ownerServiceCode: 'FIN-TAX',
    audience: 'PUBLIC',
    themeCodes: ['TAXATION.COMPLAINTS'],
    procedureCodes: ['RECLAMATION-TAXES-REGIONALES', 'DEGREVEMENT-OFFICE'],
    serviceCodes: ['FIN-TAX'],
    reviewDueOn: '2027-06-30',
    texts: {
      fr: {
        title: 'Contester une taxe régionale : réclamation et dégrèvement',
        body:
          'Vous contestez une taxe wallonne (taxe de circulation, précompte immobilier…) ? Deux voies existent.\n\n' +
          '**Réclamation**\n' +
          '- par écrit, adressée au SPW Finances ;\n' +
          '- dans les 6 mois à compter du troisième jour ouvrable qui suit l’envoi de l’avertissement-extrait de rôle ;\n' +
          '- motivée, avec une copie de l’avertissement et les justificatifs.\n\n' +
          'Un inspecteur examine la réclamation ; le directeur régional statue et notifie sa décision.\n\n' +
          '**Dégrèvement d’office**\n' +
          'En cas d’erreur matérielle ou de double imposition, l’administration peut accorder un dégrèvement d’office dans les 3 ans (5 ans pour le précompte immobilier).\n\n' +
          'Le 1718 explique la procédure mais ne reçoit pas les réclamations. Payer la taxe n’empêche pas de la contester.',
      },
      de: {
        title: 'Eine Regionalsteuer anfechten: Beschwerde und Steuererlass',
        body:
          'Sie fechten eine wallonische Steuer an (Verkehrssteuer, Immobiliensteuervorabzug …)? Es gibt zwei Wege.\n\n' +
          '**Beschwerde**\n' +
          '- schriftlich an den SPW Finanzen;\n' +
          '- innerhalb von 6 Monaten ab dem dritten Werktag nach Versand des Steuerbescheids;\n' +
          '- begründet, mit einer Kopie des Bescheids und den Nachweisen.\n\n' +
          'Ein Inspektor prüft die Beschwerde; der Regionaldirektor entscheidet und stellt seine Entscheidung zu.\n\n' +
          '**Steuererlass von Amts wegen**\n' +
          'Bei einem materiellen Fehler oder einer Doppelbesteuerung kann die Verwaltung innerhalb von 3 Jahren (5 Jahren beim Immobiliensteuervorabzug) einen Erlass von Amts wegen gewähren.\n\n' +
          'Die 1719 erläutert das Verfahren, nimmt aber keine Beschwerden entgegen. Die Zahlung der Steuer schließt eine Anfechtung nicht aus.',
      },
    },
  },

  // ── Employment and economy ───────────────────────────────────────────────────────────────
  {
    key: 'EMP-FOREM-JOBSEEKERS-APE',
    ownerServiceCode: 'EER-EMPLOYMENT',
    audience: 'PUBLIC',
    themeCodes: ['EMPLOYMENT.JOB_SEEKING', 'EMPLOYMENT.APE'],
    serviceCodes: ['EXT-FOREM', 'EER-EMPLOYMENT'],
    reviewDueOn: '2027-09-30',
    texts: {
      fr: {
        title: 'Demandeurs d’emploi et employeurs APE : s’adresser au Forem',
        body:
          'Le Forem est le service public wallon de l’emploi et de la formation professionnelle.\n\n' +
          '**Vous cherchez un emploi ou une formation ?**\n' +
          '- inscrivez-vous comme demandeur d’emploi auprès du Forem, en ligne ou dans l’un de ses bureaux ;\n' +
          '- le Forem vous accompagne dans votre recherche et vous informe sur les formations.\n\n' +
          '**Vous êtes employeur bénéficiaire d’aides APE ?**\n' +
          '- depuis le 1er janvier 2022, les points APE sont convertis en une subvention annuelle unique ;\n' +
          '- la gestion se fait sur la plateforme employeur du Forem ;\n' +
          '- le SPW Économie, Emploi, Recherche est chargé de la réglementation.\n\n' +
          'Le 1718 ne peut pas consulter un dossier de demandeur d’emploi ni un dossier APE : il oriente vers le Forem.',
      },
      de: {
        title: 'Arbeitsuchende und APE-Arbeitgeber: Zuständig ist das Forem',
        body:
          'Das Forem ist der öffentliche Dienst der Wallonie für Arbeitsvermittlung und Berufsausbildung.\n\n' +
          '**Sie suchen eine Arbeit oder eine Ausbildung?**\n' +
          '- melden Sie sich beim Forem als Arbeitsuchender an, online oder in einer seiner Dienststellen;\n' +
          '- das Forem begleitet Ihre Suche und informiert Sie über Ausbildungen.\n\n' +
          '**Sie sind Arbeitgeber und erhalten APE-Beihilfen?**\n' +
          '- seit dem 1. Januar 2022 sind die APE-Punkte in einen einzigen jährlichen Zuschuss umgewandelt;\n' +
          '- die Verwaltung erfolgt über die Arbeitgeberplattform des Forem;\n' +
          '- der SPW Wirtschaft, Beschäftigung, Forschung ist für die Regelung zuständig.\n\n' +
          'Die 1719 kann weder die Akte eines Arbeitsuchenden noch eine APE-Akte einsehen: Sie verweist an das Forem.',
      },
    },
  },
  {
    key: 'EMP-BUSINESS-AID',
    ownerServiceCode: 'EER-EMPLOYMENT',
    audience: 'PUBLIC',
    themeCodes: ['EMPLOYMENT.BUSINESS_AID'],
    procedureCodes: ['CHEQUES-ENTREPRISES'],
    serviceCodes: ['EER-EMPLOYMENT', 'EXT-WALLONIE-ENTREPRENDRE', 'EXT-AWEX'],
    reviewDueOn: '2027-03-31',
    texts: {
      fr: {
        title: 'Chèques-entreprises et soutien aux entreprises',
        body:
          'Les chèques-entreprises cofinancent des services de conseil, de formation ou d’accompagnement pour les porteurs de projet, indépendants et PME wallonnes.\n\n' +
          '**Démarches**\n' +
          '1. Créez votre compte sur la plateforme numérique des chèques-entreprises.\n' +
          '2. Choisissez le chèque et un prestataire labellisé, puis introduisez la demande.\n' +
          '3. Après vérification et décision, la prestation est réalisée et payée via la plateforme.\n\n' +
          'Une réforme des chèques-entreprises a été annoncée pour 2026 : vérifiez les conditions en vigueur sur la plateforme.\n\n' +
          '**Autres interlocuteurs**\n' +
          '- financement, prêts et participations : Wallonie Entreprendre (WE) ;\n' +
          '- exportation et internationalisation : AWEx.',
      },
      de: {
        title: 'Unternehmensschecks und Unterstützung für Unternehmen',
        body:
          'Die Unternehmensschecks finanzieren Beratungs-, Schulungs- und Begleitleistungen für Projektträger, Selbständige und wallonische KMU mit.\n\n' +
          '**Vorgehensweise**\n' +
          '1. Legen Sie ein Konto auf der digitalen Plattform der Unternehmensschecks an.\n' +
          '2. Wählen Sie den Scheck und einen zugelassenen Dienstleister und stellen Sie den Antrag.\n' +
          '3. Nach Prüfung und Entscheidung wird die Leistung erbracht und über die Plattform bezahlt.\n\n' +
          'Eine Reform der Unternehmensschecks wurde für 2026 angekündigt: Prüfen Sie die geltenden Bedingungen auf der Plattform.\n\n' +
          '**Weitere Ansprechpartner**\n' +
          '- Finanzierung, Darlehen und Beteiligungen: Wallonie Entreprendre (WE);\n' +
          '- Export und Internationalisierung: AWEx.',
      },
    },
  },

  // ── Territory and urban planning ─────────────────────────────────────────────────────────
  {
    key: 'TERR-PLANNING-PERMIT',
    ownerServiceCode: 'TLPE-PLANNING',
    audience: 'PUBLIC',
    themeCodes: ['TERRITORY.PLANNING_PERMITS'],
    procedureCodes: ['PERMIS-URBANISME', 'PERMIS-URBANISATION'],
    serviceCodes: ['TLPE-PLANNING'],
    reviewDueOn: '2027-05-31',
    texts: {
      fr: {
        title: 'Permis d’urbanisme et permis d’urbanisation : où introduire la demande ?',
        body:
          'Construire, transformer, démolir ou modifier le relief du sol nécessite souvent un permis d’urbanisme, régi par le Code du Développement territorial (CoDT).\n\n' +
          '**Où s’adresser ?** Au service urbanisme de la commune où se situe le bien. La commune délivre généralement le permis après avoir consulté les services régionaux ; selon les cas, le fonctionnaire délégué du SPW rend un avis ou statue lui-même.\n\n' +
          '**Étapes** : dépôt du dossier, accusé de réception, vérification de la complétude, avis et éventuelle enquête publique, décision, notification.\n\n' +
          'Pour diviser un terrain en lots à bâtir, il faut un permis d’urbanisation, qui remplace l’ancien permis de lotir. Le 1718 ne peut pas dire si un projet précis est autorisé : seule la commune peut l’apprécier.',
      },
      de: {
        title: 'Städtebau- und Verstädterungsgenehmigung: Wo wird der Antrag gestellt?',
        body:
          'Bauen, Umbauen, Abreißen oder das Bodenrelief verändern erfordert oft eine Städtebaugenehmigung nach dem Gesetzbuch über die räumliche Entwicklung (CoDT).\n\n' +
          '**An wen wenden?** An den Städtebaudienst der Gemeinde, in der das Gut liegt. Die Gemeinde erteilt die Genehmigung in der Regel nach Anhörung der regionalen Dienste; je nach Fall gibt der beauftragte Beamte des SPW eine Stellungnahme ab oder entscheidet selbst.\n\n' +
          '**Schritte**: Einreichung, Empfangsbestätigung, Vollständigkeitsprüfung, Stellungnahmen und gegebenenfalls öffentliche Untersuchung, Entscheidung, Zustellung.\n\n' +
          'In den neun deutschsprachigen Gemeinden ist seit der Übertragung die Deutschsprachige Gemeinschaft für die Raumordnung zuständig. Für die Aufteilung eines Grundstücks in Baulose ist eine Verstädterungsgenehmigung nötig, die die frühere Parzellierungsgenehmigung ersetzt.',
      },
    },
  },
  {
    key: 'TERR-PLANNING-CERTIFICATE',
    ownerServiceCode: 'TLPE-PLANNING',
    audience: 'PUBLIC',
    themeCodes: ['TERRITORY.PLANNING_CERTIFICATES', 'TERRITORY.REGIONAL_PLANNING'],
    serviceCodes: ['TLPE-PLANNING'],
    reviewDueOn: '2027-10-31',
    texts: {
      fr: {
        title: 'Certificat d’urbanisme et plan de secteur : connaître les règles d’un terrain',
        body:
          'Avant d’acheter un terrain ou de préparer un projet, il est utile de connaître les règles d’urbanisme qui s’y appliquent.\n\n' +
          '- **Plan de secteur** : il fixe l’affectation du sol pour toute la Wallonie (zone d’habitat, agricole, forestière, d’activité économique…). Il peut être consulté en ligne ou à la commune.\n' +
          '- **Certificat d’urbanisme n° 1** : il renseigne sur la situation urbanistique d’un bien (plans et règlements applicables).\n' +
          '- **Certificat d’urbanisme n° 2** : il donne en outre une première appréciation sur un projet précis.\n\n' +
          'Les certificats se demandent à la commune où se situe le bien. Ils ne remplacent pas le permis d’urbanisme. Pour une question sur une révision du plan de secteur, le service de l’aménagement du territoire du SPW renseigne.',
      },
      de: {
        title: 'Städtebaubescheinigung und Sektorenplan: Was auf einem Grundstück erlaubt ist',
        body:
          'Bevor Sie ein Grundstück kaufen oder ein Projekt planen, sollten Sie die geltenden städtebaulichen Regeln kennen.\n\n' +
          '- **Sektorenplan**: Er legt die Zweckbestimmung des Bodens für die gesamte Wallonie fest (Wohngebiet, Agrargebiet, Forstgebiet, Gewerbegebiet …). Er kann online oder bei der Gemeinde eingesehen werden.\n' +
          '- **Städtebaubescheinigung Nr. 1**: Sie informiert über die städtebauliche Lage eines Gutes (geltende Pläne und Verordnungen).\n' +
          '- **Städtebaubescheinigung Nr. 2**: Sie enthält zusätzlich eine erste Beurteilung eines bestimmten Projekts.\n\n' +
          'Die Bescheinigungen werden bei der Gemeinde beantragt, in der das Gut liegt. Sie ersetzen keine Städtebaugenehmigung. Zu einer Revision des Sektorenplans gibt der Dienst Raumordnung des SPW Auskunft.',
      },
    },
  },

  // ── Heritage ─────────────────────────────────────────────────────────────────────────────
  {
    key: 'HERITAGE-DAYS',
    ownerServiceCode: 'TLPE-HERITAGE',
    audience: 'PUBLIC',
    themeCodes: ['HERITAGE.HERITAGE_DAYS', 'INFORMATION.PUBLICATIONS'],
    procedureCodes: ['COMMANDE-BROCHURES'],
    serviceCodes: ['TLPE-HERITAGE', 'SG-1718'],
    reviewDueOn: '2027-06-30',
    texts: {
      fr: {
        title: 'Journées du patrimoine : programme et brochure',
        body:
          'Chaque année, les Journées du patrimoine ouvrent au public des monuments, sites et lieux habituellement fermés, autour d’un thème.\n\n' +
          '**Obtenir la brochure programme**\n' +
          '- commandez-la gratuitement au 1718 : elle est envoyée par la poste ;\n' +
          '- ou retirez-la dans un Espace Wallonie.\n\n' +
          'Les commandes affluent dans les semaines qui précèdent l’événement : commandez tôt pour la recevoir à temps.\n\n' +
          'La brochure indique les dates, le thème de l’édition, les lieux ouverts, les horaires et les éventuelles réservations. Pour une question sur un lieu participant, contactez l’organisateur mentionné dans la brochure ; pour l’organisation générale, le service du Patrimoine.',
      },
      de: {
        title: 'Tage des offenen Denkmals: Programm und Broschüre',
        body:
          'Jedes Jahr öffnen die Tage des offenen Denkmals Denkmäler, Landschaften und sonst geschlossene Orte für die Öffentlichkeit, rund um ein Thema.\n\n' +
          '**So erhalten Sie die Programmbroschüre**\n' +
          '- bestellen Sie sie kostenlos über die 1718/1719: Sie wird per Post zugeschickt;\n' +
          '- oder holen Sie sie in einem Espace Wallonie ab.\n\n' +
          'In den Wochen vor der Veranstaltung gehen viele Bestellungen ein: Bestellen Sie früh, damit die Broschüre rechtzeitig ankommt.\n\n' +
          'Die Broschüre nennt Daten, Thema, geöffnete Orte, Öffnungszeiten und gegebenenfalls Reservierungen. Für Fragen zu einem teilnehmenden Ort wenden Sie sich an den in der Broschüre genannten Veranstalter, zur allgemeinen Organisation an den Dienst Denkmalpflege.',
      },
      nl: {
        title: 'Open Monumentendagen: programma en brochure',
        body:
          'Elk jaar stellen de Open Monumentendagen in Wallonië (Journées du patrimoine) monumenten, landschappen en gewoonlijk gesloten plaatsen open voor het publiek, rond een thema.\n\n' +
          '**De programmabrochure krijgen**\n' +
          '- bestel ze gratis via het nummer 1718: ze wordt per post verstuurd;\n' +
          '- of haal ze af in een Espace Wallonie.\n\n' +
          'In de weken voor het evenement komen veel bestellingen binnen: bestel tijdig.\n\n' +
          'De brochure vermeldt de data, het thema, de open plaatsen, de openingsuren en eventuele reservaties. Voor vragen over een deelnemende plaats contacteert u de organisator uit de brochure.',
      },
      en: {
        title: 'Heritage Days: programme and brochure',
        body:
          'Every year, Wallonia’s Heritage Days (Journées du patrimoine) open monuments, sites and places that are normally closed to the public, around a theme.\n\n' +
          '**Getting the programme brochure**\n' +
          '- order it free of charge by calling 1718: it is sent by post;\n' +
          '- or pick it up at an Espace Wallonie.\n\n' +
          'Orders pour in during the weeks before the event: order early so that it arrives in time.\n\n' +
          'The brochure gives the dates, the theme, the places open, opening times and any booking requirements. For questions about a particular venue, contact the organiser listed in the brochure.',
      },
    },
  },
  {
    key: 'HERITAGE-LISTED-BUILDINGS',
    ownerServiceCode: 'TLPE-HERITAGE',
    audience: 'PUBLIC',
    themeCodes: ['HERITAGE.LISTED_BUILDINGS'],
    serviceCodes: ['TLPE-HERITAGE'],
    reviewDueOn: '2027-11-30',
    texts: {
      fr: {
        title: 'Biens classés : travaux et renseignements',
        body:
          'Un monument, un site ou un ensemble architectural classé bénéficie d’une protection légale. Son propriétaire doit le maintenir en bon état et respecter des règles particulières.\n\n' +
          '**Vous envisagez des travaux sur un bien classé ?**\n' +
          '1. Renseignez-vous avant tout projet auprès du service du Patrimoine : même des travaux limités peuvent être soumis à autorisation.\n' +
          '2. Les travaux nécessitent en principe un permis d’urbanisme, pour lequel l’avis des services du patrimoine est requis.\n' +
          '3. Des aides à la restauration peuvent exister : le service indique les conditions.\n\n' +
          'Pour savoir si un bien est classé, interrogez le service du Patrimoine ou votre commune. Les Carnets du Patrimoine présentent de nombreux biens classés.',
      },
      de: {
        title: 'Denkmalgeschützte Gebäude: Arbeiten und Auskünfte',
        body:
          'Ein denkmalgeschütztes Gebäude, eine geschützte Landschaft oder ein geschütztes Ensemble steht unter gesetzlichem Schutz. Der Eigentümer muss es in gutem Zustand halten und besondere Regeln beachten.\n\n' +
          '**Sie planen Arbeiten an einem geschützten Gut?**\n' +
          '1. Erkundigen Sie sich vor jedem Projekt beim Dienst Denkmalpflege: Auch kleinere Arbeiten können genehmigungspflichtig sein.\n' +
          '2. Die Arbeiten erfordern grundsätzlich eine Städtebaugenehmigung, für die eine Stellungnahme der Denkmalpflege nötig ist.\n' +
          '3. Es kann Restaurierungsbeihilfen geben: Der Dienst nennt die Bedingungen.\n\n' +
          'Ob ein Gut geschützt ist, erfahren Sie beim Dienst Denkmalpflege oder bei Ihrer Gemeinde. Die Reihe „Carnets du Patrimoine“ stellt zahlreiche geschützte Güter vor.',
      },
    },
  },

  // ── Local authorities ────────────────────────────────────────────────────────────────────
  {
    key: 'LOCAL-SUPERVISION',
    ownerServiceCode: 'IAS-LOCAL',
    audience: 'PUBLIC',
    themeCodes: ['LOCAL_AUTHORITIES.SUPERVISION'],
    serviceCodes: ['IAS-LOCAL'],
    reviewDueOn: '2027-08-31',
    texts: {
      fr: {
        title: 'Décision communale contestée : le rôle de la tutelle régionale',
        body:
          'La Wallonie exerce une tutelle sur les actes des communes : elle vérifie que certaines décisions (par exemple les budgets ou les règlements-taxes) respectent la loi et l’intérêt général. Elle peut, selon les cas, approuver ou annuler un acte.\n\n' +
          '**Vous estimez qu’une décision de votre commune est illégale ?**\n' +
          '1. Adressez d’abord votre réclamation à la commune.\n' +
          '2. Vous pouvez ensuite signaler la décision par écrit au service de tutelle du SPW Intérieur et Action sociale, en joignant une copie de l’acte et vos arguments.\n\n' +
          'La tutelle contrôle la légalité des actes ; elle ne tranche pas les litiges entre particuliers et ne remplace pas un recours en justice. Les délais de tutelle sont courts : agissez sans tarder.',
      },
      de: {
        title: 'Umstrittener Gemeindebeschluss: die Rolle der regionalen Aufsicht',
        body:
          'Die Wallonie übt die Aufsicht über die Handlungen der Gemeinden aus: Sie prüft, ob bestimmte Beschlüsse (zum Beispiel Haushaltspläne oder Steuerverordnungen) dem Gesetz und dem Allgemeininteresse entsprechen. Je nach Fall kann sie eine Handlung genehmigen oder für nichtig erklären.\n\n' +
          '**Sie halten einen Beschluss Ihrer Gemeinde für rechtswidrig?**\n' +
          '1. Richten Sie Ihre Beschwerde zuerst an die Gemeinde.\n' +
          '2. Danach können Sie den Beschluss schriftlich beim Aufsichtsdienst des SPW Inneres und Soziales melden, mit einer Kopie der Handlung und Ihren Argumenten.\n\n' +
          'Die Aufsicht prüft die Rechtmäßigkeit der Handlungen; sie entscheidet keine Streitigkeiten zwischen Privatpersonen und ersetzt keine Klage vor Gericht. Die Aufsichtsfristen sind kurz: Handeln Sie zügig.',
      },
    },
  },
  {
    key: 'LOCAL-COMMUNE-CPAS-ORIENTATION',
    ownerServiceCode: 'SG-1718',
    audience: 'INTERNAL',
    themeCodes: ['LOCAL_AUTHORITIES', 'INFORMATION.ORIENTATION'],
    reviewDueOn: '2027-09-30',
    texts: {
      fr: {
        title: 'Orienter vers la commune ou le CPAS',
        body:
          'De nombreux appels concernent des matières communales. Orientez l’appelant vers sa commune, sans créer de demande pour un service régional.\n\n' +
          '**Relèvent de la commune**\n' +
          '- population et état civil (domicile, carte d’identité, actes) ;\n' +
          '- permis d’urbanisme et déclarations environnementales de classe 3 (instruits avec la Région pour certains) ;\n' +
          '- légalisation de signatures et de formulaires ;\n' +
          '- voiries communales, collecte des déchets ménagers, taxes communales.\n\n' +
          '**Relève du CPAS** : l’aide sociale (revenu d’intégration, aide urgente, accompagnement), car le CPAS est le « bras social » de la commune.\n\n' +
          'Donnez le nom exact de la commune du domicile. En cas de détresse, appliquez le protocole urgence sociale.',
      },
      de: {
        title: 'An die Gemeinde oder das ÖSHZ verweisen',
        body:
          'Viele Anrufe betreffen Gemeindeangelegenheiten. Verweisen Sie den Anrufer an seine Gemeinde, ohne eine Anfrage für einen regionalen Dienst anzulegen.\n\n' +
          '**Sache der Gemeinde**\n' +
          '- Bevölkerung und Personenstand (Wohnsitz, Personalausweis, Urkunden);\n' +
          '- Städtebaugenehmigungen und Umwelterklärungen der Klasse III (teilweise mit der Region bearbeitet);\n' +
          '- Beglaubigung von Unterschriften und Formularen;\n' +
          '- Gemeindestraßen, Abholung der Haushaltsabfälle, Gemeindesteuern.\n\n' +
          '**Sache des ÖSHZ**: die Sozialhilfe (Eingliederungseinkommen, Dringlichkeitshilfe, Begleitung), denn das ÖSHZ ist der „soziale Arm“ der Gemeinde.\n\n' +
          'Nennen Sie den genauen Namen der Wohnsitzgemeinde. Bei einer Notlage wenden Sie den Ablauf für soziale Notlagen an.',
      },
    },
  },

  // ── Information: publications, orientation, complaints, first-line practice ─────────────
  {
    key: 'INFO-VIVRE-LA-WALLONIE',
    ownerServiceCode: 'SG-1718',
    audience: 'PUBLIC',
    themeCodes: ['INFORMATION.PUBLICATIONS'],
    procedureCodes: ['ABONNEMENT-VIVRE-LA-WALLONIE'],
    serviceCodes: ['SG-1718', 'SG-COMMUNICATION'],
    reviewDueOn: '2027-12-31',
    texts: {
      fr: {
        title: 'S’abonner gratuitement au magazine Vivre la Wallonie',
        body:
          '*Vivre la Wallonie* est le magazine trimestriel gratuit du Service public de Wallonie, publié depuis 2008. Il présente l’actualité régionale, les aides et les démarches utiles aux citoyens.\n\n' +
          '**S’abonner**\n' +
          '- par téléphone au 1718 (1719 en allemand) : l’agent enregistre votre nom et votre adresse postale ;\n' +
          '- ou en ligne sur wallonie.be.\n\n' +
          'Le magazine est ensuite envoyé par la poste, à chaque parution. Pour changer d’adresse ou vous désabonner, contactez le 1718.\n\n' +
          '**Commandes groupées** (écoles, associations, administrations) : adressez-vous à la Direction de la communication externe, par courriel à vlw@spw.wallonie.be.',
      },
      de: {
        title: 'Kostenloses Abonnement der Zeitschrift Vivre la Wallonie',
        body:
          '*Vivre la Wallonie* ist die kostenlose vierteljährliche Zeitschrift des Öffentlichen Dienstes der Wallonie, die seit 2008 erscheint. Sie berichtet über regionale Neuigkeiten, Beihilfen und nützliche Verwaltungsschritte.\n\n' +
          '**Abonnieren**\n' +
          '- telefonisch über die 1719 (auf Französisch 1718): Der Mitarbeiter erfasst Ihren Namen und Ihre Postanschrift;\n' +
          '- oder online auf wallonie.be.\n\n' +
          'Die Zeitschrift wird Ihnen danach zu jeder Ausgabe per Post zugeschickt. Für eine Adressänderung oder Abbestellung wenden Sie sich an die 1719.\n\n' +
          '**Sammelbestellungen** (Schulen, Vereine, Verwaltungen): Direktion der externen Kommunikation, per E-Mail an vlw@spw.wallonie.be.',
      },
      nl: {
        title: 'Gratis abonnement op het tijdschrift Vivre la Wallonie',
        body:
          '*Vivre la Wallonie* is het gratis driemaandelijkse tijdschrift van de Waalse Overheidsdienst, dat sinds 2008 verschijnt. Het brengt regionaal nieuws, steunmaatregelen en nuttige formaliteiten voor burgers.\n\n' +
          '**Abonneren**\n' +
          '- telefonisch via het nummer 1718: de medewerker noteert uw naam en postadres;\n' +
          '- of online via wallonie.be.\n\n' +
          'Het tijdschrift wordt u bij elke uitgave per post toegestuurd. Voor een adreswijziging of uitschrijving belt u het 1718.\n\n' +
          '**Groepsbestellingen** (scholen, verenigingen, besturen): Directie Externe Communicatie, per e-mail naar vlw@spw.wallonie.be.',
      },
      en: {
        title: 'Free subscription to the Vivre la Wallonie magazine',
        body:
          '*Vivre la Wallonie* is the free quarterly magazine of the Public Service of Wallonia, published since 2008. It covers regional news, aid schemes and useful formalities for citizens.\n\n' +
          '**Subscribing**\n' +
          '- by phone on 1718: the agent records your name and postal address;\n' +
          '- or online at wallonie.be.\n\n' +
          'The magazine is then sent to you by post with each issue. To change your address or unsubscribe, call 1718.\n\n' +
          '**Bulk orders** (schools, associations, public bodies): contact the External Communication Directorate by e-mail at vlw@spw.wallonie.be.',
      },
    },
  },
  {
    key: 'INFO-BROCHURE-ORDER',
    ownerServiceCode: 'SG-1718',
    audience: 'INTERNAL',
    themeCodes: ['INFORMATION.PUBLICATIONS'],
    procedureCodes: ['COMMANDE-BROCHURES', 'ABONNEMENT-VIVRE-LA-WALLONIE'],
    serviceCodes: ['SG-COMMUNICATION'],
    reviewDueOn: '2027-02-28',
    texts: {
      fr: {
        title: 'Commande de brochure : les informations à enregistrer',
        body:
          'Une commande de brochure ou de publication s’enregistre directement par la première ligne, sans transmission à un autre service.\n\n' +
          '**À enregistrer**\n' +
          '- nom et adresse postale complète (rue, numéro, boîte, code postal, localité) ;\n' +
          '- publication demandée, choisie dans le catalogue, et quantité ;\n' +
          '- langue souhaitée, lorsque plusieurs versions existent ;\n' +
          '- abonnement (*Vivre la Wallonie*) ou envoi unique.\n\n' +
          '**Vérifications**\n' +
          '- la publication est-elle encore disponible ? Les titres arrêtés (par exemple *Energie4*) ne peuvent plus être envoyés ;\n' +
          '- commande de plusieurs dizaines d’exemplaires de *Vivre la Wallonie* : renvoyer vers la Direction de la communication externe.\n\n' +
          'Relisez l’adresse à l’appelant avant de valider. Pic saisonnier : brochure des Journées du patrimoine.',
      },
      de: {
        title: 'Broschürenbestellung: Welche Angaben zu erfassen sind',
        body:
          'Eine Bestellung von Broschüren oder Veröffentlichungen erfasst die erste Linie selbst, ohne Weiterleitung an einen anderen Dienst.\n\n' +
          '**Zu erfassen**\n' +
          '- Name und vollständige Postanschrift (Straße, Nummer, Briefkasten, Postleitzahl, Ort);\n' +
          '- gewünschte Veröffentlichung aus dem Katalog und Anzahl;\n' +
          '- gewünschte Sprache, wenn es mehrere Fassungen gibt;\n' +
          '- Abonnement (*Vivre la Wallonie*) oder einmaliger Versand.\n\n' +
          '**Prüfungen**\n' +
          '- Ist die Veröffentlichung noch verfügbar? Eingestellte Titel (zum Beispiel *Energie4*) können nicht mehr verschickt werden;\n' +
          '- Bestellung mehrerer Dutzend Exemplare von *Vivre la Wallonie*: an die Direktion der externen Kommunikation verweisen.\n\n' +
          'Lesen Sie dem Anrufer die Adresse vor, bevor Sie bestätigen. Saisonaler Höhepunkt: Broschüre der Tage des offenen Denkmals.',
      },
    },
  },
  {
    key: 'INFO-ORIENTATION-OTHER-LEVELS',
    ownerServiceCode: 'SG-1718',
    audience: 'INTERNAL',
    themeCodes: ['INFORMATION.ORIENTATION'],
    serviceCodes: ['EXT-SPF-FINANCES', 'EXT-SPF-MOBILITY-DIV', 'EXT-SPF-INTERIOR', 'EXT-SPF-SOCIAL-SECURITY', 'EXT-FWB'],
    reviewDueOn: '2027-04-30',
    texts: {
      fr: {
        title: 'Questions hors compétence wallonne : vers quel niveau de pouvoir orienter ?',
        body:
          'Le 1718 oriente aussi les appelants dont la question relève d’un autre niveau de pouvoir. Donnez le nom exact de l’organisme et ses coordonnées (fiche du service).\n\n' +
          '- **SPF Finances** : impôt des personnes physiques, Chèque Habitat, MyMinfin et données cadastrales, plans de paiement de l’impôt fédéral.\n' +
          '- **SPF Mobilité et Transports (DIV)** : immatriculation et plaques.\n' +
          '- **SPF Intérieur** : carte d’identité électronique, Registre national ; urgences 112 et 101, 1722 en cas de tempête.\n' +
          '- **SPF Sécurité sociale** : allocations aux personnes handicapées.\n' +
          '- **Fédération Wallonie-Bruxelles** : enseignement, culture, allocations d’études.\n' +
          '- **Communauté germanophone** : matières transférées dans les neuf communes germanophones.\n\n' +
          'Enregistrez le contact sur le thème « Orientation vers le service compétent ».',
      },
      de: {
        title: 'Fragen außerhalb der wallonischen Zuständigkeit: an welche Ebene verweisen?',
        body:
          'Die 1718/1719 verweist auch Anrufer, deren Frage in die Zuständigkeit einer anderen Ebene fällt. Nennen Sie den genauen Namen der Stelle und ihre Kontaktdaten (Dienststellenblatt).\n\n' +
          '- **FÖD Finanzen**: Einkommensteuer, Wohnscheck, MyMinfin und Katasterdaten, Zahlungspläne für föderale Steuern.\n' +
          '- **FÖD Mobilität und Transportwesen (DIV)**: Zulassung und Kennzeichen.\n' +
          '- **FÖD Inneres**: elektronischer Personalausweis, Nationalregister; Notrufe 112 und 101, 1722 bei Unwetter.\n' +
          '- **FÖD Soziale Sicherheit**: Beihilfen für Personen mit Behinderung.\n' +
          '- **Föderation Wallonie-Brüssel**: Unterricht, Kultur, Studienbeihilfen im französischsprachigen Gebiet.\n' +
          '- **Deutschsprachige Gemeinschaft**: übertragene Zuständigkeiten in den neun deutschsprachigen Gemeinden.\n\n' +
          'Erfassen Sie den Kontakt unter dem Thema „Weiterleitung an die zuständige Stelle“.',
      },
    },
  },
  {
    key: 'INFO-COMPLAINTS-OMBUDSMAN',
    ownerServiceCode: 'SG-1718',
    audience: 'PUBLIC',
    themeCodes: ['INFORMATION.COMPLAINTS'],
    serviceCodes: ['EXT-MEDIATEUR'],
    reviewDueOn: '2027-07-31',
    texts: {
      fr: {
        title: 'Plainte contre un service de la Wallonie et recours au Médiateur',
        body:
          'Vous n’êtes pas satisfait de la manière dont un service du SPW a traité votre demande (retard, absence de réponse, erreur, accueil) ?\n\n' +
          '1. **Adressez d’abord une plainte au service concerné**, par écrit, en indiquant votre numéro de dossier et ce que vous attendez. Le 1718 peut enregistrer votre plainte et la transmettre.\n' +
          '2. **Sans réponse satisfaisante**, saisissez le Médiateur de la Wallonie et de la Fédération Wallonie-Bruxelles. Son intervention est gratuite et indépendante de l’administration.\n\n' +
          'Le Médiateur tient des permanences dans les Espaces Wallonie, sur rendez-vous. Il ne remplace pas un recours juridictionnel et ne traite pas les litiges avec des entreprises privées ou avec les services fédéraux.',
      },
      de: {
        title: 'Beschwerde über eine wallonische Dienststelle und Anrufung des Ombudsmanns',
        body:
          'Sie sind unzufrieden damit, wie eine Dienststelle des SPW Ihr Anliegen behandelt hat (Verzögerung, keine Antwort, Fehler, Empfang)?\n\n' +
          '1. **Richten Sie zuerst eine Beschwerde an die betroffene Dienststelle**, schriftlich, mit Ihrem Aktenzeichen und Ihrem Anliegen. Die 1719 kann Ihre Beschwerde erfassen und weiterleiten.\n' +
          '2. **Ohne zufriedenstellende Antwort** wenden Sie sich an den Ombudsmann der Wallonie und der Föderation Wallonie-Brüssel. Sein Einsatz ist kostenlos und unabhängig von der Verwaltung.\n\n' +
          'Der Ombudsmann hält nach Terminvereinbarung Sprechstunden in den Espaces Wallonie ab. Er ersetzt keine gerichtliche Klage und befasst sich nicht mit Streitigkeiten mit Privatunternehmen oder föderalen Diensten.',
      },
    },
  },
  {
    key: 'INFO-AGGRESSIVE-CALLER',
    ownerServiceCode: 'SG-1718',
    audience: 'INTERNAL',
    themeCodes: ['INFORMATION'],
    reviewDueOn: '2027-05-31',
    texts: {
      fr: {
        title: 'Appelant agressif ou menaçant : conduite à tenir',
        body:
          'Un appelant peut être énervé par un retard ou un refus ; cela ne justifie ni insultes ni menaces.\n\n' +
          '1. **Restez calme** : laissez l’appelant s’exprimer, reformulez sa demande, évitez de débattre de la décision.\n' +
          '2. **Recentrez** sur ce que vous pouvez faire : information, transmission au service, rappel.\n' +
          '3. **En cas d’insultes**, avertissez une fois, poliment, que vous mettrez fin à la conversation si elles continuent ; si elles persistent, terminez l’appel en l’annonçant.\n' +
          '4. **En cas de menace** contre une personne, un bâtiment ou lui-même : prévenez immédiatement votre responsable ; si le danger semble imminent, il alerte le 101 ou le 112.\n\n' +
          'Consignez les faits dans le dossier (heure, propos exacts), sans jugement. Un débriefing avec le responsable est proposé après l’appel.',
      },
      de: {
        title: 'Aggressive oder drohende Anrufer: Verhaltensregeln',
        body:
          'Ein Anrufer kann wegen einer Verzögerung oder Ablehnung verärgert sein; das rechtfertigt weder Beleidigungen noch Drohungen.\n\n' +
          '1. **Bleiben Sie ruhig**: Lassen Sie den Anrufer ausreden, fassen Sie sein Anliegen zusammen, diskutieren Sie nicht über die Entscheidung.\n' +
          '2. **Lenken Sie zurück** auf das, was Sie tun können: Auskunft, Weiterleitung, Rückruf.\n' +
          '3. **Bei Beleidigungen** weisen Sie einmal höflich darauf hin, dass Sie das Gespräch beenden, wenn sie weitergehen; halten sie an, beenden Sie den Anruf mit Ankündigung.\n' +
          '4. **Bei Drohungen** gegen eine Person, ein Gebäude oder sich selbst: sofort Ihren Vorgesetzten informieren; scheint die Gefahr unmittelbar, alarmiert er die 101 oder die 112.\n\n' +
          'Halten Sie die Tatsachen in der Akte fest (Uhrzeit, genaue Worte), ohne Wertung. Nach dem Anruf wird eine Nachbesprechung angeboten.',
      },
    },
  },
  {
    key: 'INFO-ESPACES-WALLONIE',
    ownerServiceCode: 'SG-1718',
    audience: 'PUBLIC',
    themeCodes: ['INFORMATION.ORIENTATION'],
    serviceCodes: ['SG-1718'],
    reviewDueOn: '2026-06-30',
    texts: {
      fr: {
        title: 'Espaces Wallonie : un accueil de la Wallonie près de chez vous',
        body:
          'Les Espaces Wallonie sont les points d’accueil régionaux du Service public de Wallonie, notamment à Arlon, Charleroi, La Louvière, Liège, Mons, Nivelles, Tournai et Verviers.\n\n' +
          '**Vous pouvez y**\n' +
          '- obtenir des informations et de l’aide pour remplir un formulaire ;\n' +
          '- retirer des brochures et publications ;\n' +
          '- rencontrer sur rendez-vous un spécialiste du logement, de l’énergie ou de la fiscalité ;\n' +
          '- rencontrer le Médiateur lors de ses permanences.\n\n' +
          'Les horaires et les modalités d’accueil (avec ou sans rendez-vous) varient d’un Espace à l’autre : renseignez-vous au 1718 avant de vous déplacer, et prenez rendez-vous pour les permanences spécialisées.',
      },
      de: {
        title: 'Espaces Wallonie: Anlaufstellen der Wallonie in Ihrer Nähe',
        body:
          'Die Espaces Wallonie sind die regionalen Anlaufstellen des Öffentlichen Dienstes der Wallonie, unter anderem in Arlon, Charleroi, La Louvière, Lüttich, Mons, Nivelles, Tournai und Verviers.\n\n' +
          '**Dort können Sie**\n' +
          '- Auskünfte und Hilfe beim Ausfüllen eines Formulars erhalten;\n' +
          '- Broschüren und Veröffentlichungen abholen;\n' +
          '- nach Terminvereinbarung Fachleute für Wohnungswesen, Energie oder Steuern treffen;\n' +
          '- den Ombudsmann in seinen Sprechstunden treffen.\n\n' +
          'Öffnungszeiten und Empfangsmodalitäten (mit oder ohne Termin) sind je nach Espace verschieden: Erkundigen Sie sich vor Ihrem Besuch über die 1719. Für Steuerfragen verfügt der SPW Finanzen zudem über einen Schalter in Eupen.',
      },
    },
  },
  {
    key: 'INFO-VOICEMAIL',
    ownerServiceCode: 'SG-1718',
    audience: 'INTERNAL',
    themeCodes: ['INFORMATION'],
    reviewDueOn: '2027-10-31',
    texts: {
      fr: {
        title: 'Messages laissés sur le répondeur : traitement du matin',
        body:
          'En dehors des heures d’ouverture (8 h 30–17 h les jours ouvrables), les appelants peuvent laisser un message sur le répondeur. Les messages sont traités chaque matin par les agents, dès l’ouverture.\n\n' +
          '1. Écoutez chaque message en entier et notez le nom, le numéro de rappel et l’objet.\n' +
          '2. Traitez d’abord les messages qui évoquent une urgence sociale, puis les autres dans l’ordre d’arrivée.\n' +
          '3. Enregistrez un contact par message, sur le canal « Répondeur », et rappelez l’appelant.\n' +
          '4. Message signalant une pollution : vérifiez que SOS Environnement-Nature (option 2, 24 h/24) a été prévenu ; sinon, transmettez immédiatement.\n\n' +
          'Numéro inaudible ou absent : enregistrez le contact avec la mention « rappel impossible ».',
      },
      de: {
        title: 'Nachrichten auf dem Anrufbeantworter: morgendliche Bearbeitung',
        body:
          'Außerhalb der Öffnungszeiten (8.30–17.00 Uhr an Werktagen) können Anrufer eine Nachricht auf dem Anrufbeantworter hinterlassen. Die Nachrichten werden jeden Morgen ab Öffnung von den Mitarbeitern bearbeitet.\n\n' +
          '1. Hören Sie jede Nachricht vollständig ab und notieren Sie Name, Rückrufnummer und Anliegen.\n' +
          '2. Bearbeiten Sie zuerst Nachrichten zu sozialen Notlagen, danach die übrigen in der Reihenfolge ihres Eingangs.\n' +
          '3. Erfassen Sie je Nachricht einen Kontakt über den Kanal „Anrufbeantworter“ und rufen Sie den Anrufer zurück.\n' +
          '4. Meldung einer Verschmutzung: Prüfen Sie, ob SOS Umwelt-Natur (Option 2, rund um die Uhr) verständigt wurde; andernfalls sofort weiterleiten.\n\n' +
          'Nummer unverständlich oder fehlend: Kontakt mit dem Vermerk „Rückruf nicht möglich“ erfassen.',
      },
    },
  },
  {
    key: 'INFO-GERMAN-SPEAKING-CALLERS',
    ownerServiceCode: 'SG-1718',
    audience: 'INTERNAL',
    themeCodes: ['INFORMATION.ORIENTATION'],
    serviceCodes: ['EXT-OSTBELGIEN', 'FIN-TAX'],
    reviewDueOn: '2027-03-31',
    texts: {
      fr: {
        title: 'Appels des communes germanophones : Région ou Communauté germanophone ?',
        body:
          'Les habitants des neuf communes germanophones (Eupen, La Calamine, Raeren, Lontzen, Amblève, Büllingen, Burg-Reuland, Bütgenbach, Saint-Vith) appellent le 1719. Répondez en allemand et vérifiez d’abord quel niveau de pouvoir est compétent.\n\n' +
          '- **Communauté germanophone (Ostbelgien)** : logement, aménagement du territoire et une partie des primes énergie, transférés par les décrets de 2019.\n' +
          '- **Wallonie** : taxes régionales (guichet fiscal du SPW Finances à Eupen), permis d’environnement, routes régionales, agriculture, chasse et pêche.\n\n' +
          'En cas de doute sur une prime énergie ou logement, ne donnez pas de montant : orientez vers la Communauté germanophone ou transmettez à la deuxième ligne. Les avertissements fiscaux sont envoyés en allemand selon le code postal.',
      },
      de: {
        title: 'Anrufe aus den deutschsprachigen Gemeinden: Region oder Gemeinschaft?',
        body:
          'Die Einwohner der neun deutschsprachigen Gemeinden (Eupen, Kelmis, Raeren, Lontzen, Amel, Büllingen, Burg-Reuland, Bütgenbach, Sankt Vith) rufen die 1719 an. Antworten Sie auf Deutsch und prüfen Sie zuerst, welche Ebene zuständig ist.\n\n' +
          '- **Deutschsprachige Gemeinschaft (Ostbelgien)**: Wohnungswesen, Raumordnung und ein Teil der Energieprämien, übertragen durch die Dekrete von 2019.\n' +
          '- **Wallonie**: Regionalsteuern (Steuerschalter des SPW Finanzen in Eupen), Umweltgenehmigungen, Regionalstraßen, Landwirtschaft, Jagd und Fischerei.\n\n' +
          'Nennen Sie bei Zweifeln zu einer Energie- oder Wohnungsprämie keinen Betrag: Verweisen Sie an die Deutschsprachige Gemeinschaft oder leiten Sie an die zweite Linie weiter. Steuerbescheide werden je nach Postleitzahl auf Deutsch verschickt.',
      },
    },
  },
  {
    key: 'INFO-OPENING-HOURS-CLOSURES',
    ownerServiceCode: 'SG-1718',
    audience: 'PUBLIC',
    themeCodes: ['INFORMATION'],
    serviceCodes: ['SG-1718', 'EXT-SOS-ENVIRONMENT'],
    reviewDueOn: '2027-11-30',
    texts: {
      fr: {
        title: 'Heures d’ouverture et jours de fermeture du 1718 en 2027',
        body:
          'Le 1718 (1719 en allemand) est gratuit et joignable les jours ouvrables de 8 h 30 à 17 h. En dehors de ces heures, vous pouvez laisser un message sur le répondeur : il est traité le lendemain matin.\n\n' +
          '**Jours de fermeture en semaine en 2027**\n' +
          '- vendredi 1er janvier, lundi de Pâques (29 mars), Ascension (jeudi 6 mai), lundi de Pentecôte (17 mai) ;\n' +
          '- mercredi 21 juillet, lundi 27 septembre ;\n' +
          '- lundi 1er, mardi 2, jeudi 11 et lundi 15 novembre.\n\n' +
          'Les jours fériés qui tombent un week-end (1er mai, 15 août, 25 et 26 décembre) ne donnent pas lieu à une fermeture un autre jour.\n\n' +
          'Pour signaler une pollution, SOS Environnement-Nature (1718, option 2) reste joignable 24 h/24, 7 jours sur 7.',
      },
      de: {
        title: 'Öffnungszeiten und Schließtage der Nummern 1718 und 1719 im Jahr 2027',
        body:
          'Die 1719 (auf Französisch 1718) ist kostenlos und an Werktagen von 8.30 bis 17.00 Uhr erreichbar. Außerhalb dieser Zeiten können Sie eine Nachricht auf dem Anrufbeantworter hinterlassen; sie wird am nächsten Morgen bearbeitet.\n\n' +
          '**Schließtage an Wochentagen im Jahr 2027**\n' +
          '- Freitag, 1. Januar, Ostermontag (29. März), Christi Himmelfahrt (Donnerstag, 6. Mai), Pfingstmontag (17. Mai);\n' +
          '- Mittwoch, 21. Juli, Montag, 27. September;\n' +
          '- Montag, 1., Dienstag, 2., Donnerstag, 11. und Montag, 15. November.\n\n' +
          'Feiertage, die auf ein Wochenende fallen (1. Mai, 15. August, 25. und 26. Dezember), führen nicht zu einer Schließung an einem anderen Tag.\n\n' +
          'Um eine Verschmutzung zu melden, ist SOS Umwelt-Natur (1718, Option 2) rund um die Uhr erreichbar.',
      },
    },
  },
];

// Reference data (themes, services, procedures, publications, counters) comes from the seed
// files only: no mutation adds to it. These bounds are what the query cost limit counts a
// list of it as, so that a query is priced before it runs; a seed test keeps the files within them.

export const REFERENCE_LIST_BOUNDS = {
  themes: 200,
  /** Direct children of one theme. */
  themeChildren: 30,
  services: 200,
  /** The region publishes some 550 online procedures. */
  procedures: 600,
  /** Steps of one procedure. */
  procedureSteps: 12,
  publications: 100,
  counters: 50,
  /** Receptions and permanences that take appointments. */
  bookableResources: 100,
  /** Themes one bookable resource receives citizens for. */
  resourceThemes: 20,
  /** Documents one procedure step requires (the seeds ask 1 to 4). */
  stepRequirements: 10,
} as const;

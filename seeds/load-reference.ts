import { eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../src/db/client.js';
import { anyOf } from '../src/db/lists.js';
import * as t from '../src/db/tables/index.js';
import { announceReferenceDataChange } from '../src/services/reference-cache.js';
import * as reference from './reference/index.js';
import type { DocumentRequirementSeed } from './reference/index.js';

export type CodeMap = Map<string, string>;

export function requireId(map: CodeMap, code: string, what: string): string {
  const id = map.get(code);
  if (!id) throw new Error(`Seed refers to unknown ${what} "${code}".`);
  return id;
}

function optionalId(map: CodeMap, code: string | undefined, what: string): string | null {
  return code === undefined ? null : requireId(map, code, what);
}

export async function idsByCode(tx: Executor, table: typeof t.services | typeof t.departments | typeof t.themes | typeof t.procedures): Promise<CodeMap> {
  const rows = await tx.select({ id: table.id, code: table.code }).from(table);
  return new Map(rows.map((row) => [row.code, row.id]));
}

/**
 * Upserts the reference data by code in one transaction. Running it twice changes nothing:
 * conflicting rows get the same values again and generated ids stay as they were. Running
 * servers, also in other processes, drop their cached themes, services and departments at commit.
 */
export async function loadReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await announceReferenceDataChange(tx);
    for (const department of reference.departments) {
      await tx
        .insert(t.departments)
        .values(department)
        .onConflictDoUpdate({ target: t.departments.code, set: { labels: department.labels } });
    }
    const departmentIds = await idsByCode(tx, t.departments);

    for (const service of reference.services) {
      const values = {
        labels: service.labels,
        departmentId: optionalId(departmentIds, service.departmentCode, 'department'),
        line: service.line,
        kind: service.kind,
        authorityLevel: service.authorityLevel ?? null,
        phone: service.phone ?? null,
        email: service.email ?? null,
        website: service.website ?? null,
        address: service.address ?? null,
        openingHours: service.openingHours ?? null,
      };
      await tx.insert(t.services).values({ code: service.code, ...values }).onConflictDoUpdate({ target: t.services.code, set: values });
    }
    const serviceIds = await idsByCode(tx, t.services);

    // Parents first, so that a child's parent id is known when it is written.
    const themesByDepth = [...reference.themes].sort(
      (a, b) => a.code.split('.').length - b.code.split('.').length || a.position - b.position,
    );
    const themeIds: CodeMap = await idsByCode(tx, t.themes);
    for (const theme of themesByDepth) {
      const values = {
        parentId: optionalId(themeIds, theme.parentCode, 'theme'),
        labels: theme.labels,
        defaultServiceId: optionalId(serviceIds, theme.defaultServiceCode, 'service'),
        firstLineExcluded: theme.firstLineExcluded ?? false,
        redirectServiceId: optionalId(serviceIds, theme.redirectServiceCode, 'service'),
        redirectMessage: theme.redirectMessage ?? null,
        position: theme.position,
      };
      const [row] = await tx
        .insert(t.themes)
        .values({ code: theme.code, ...values })
        .onConflictDoUpdate({ target: t.themes.code, set: values })
        .returning({ id: t.themes.id });
      themeIds.set(theme.code, row!.id);
    }

    for (const procedure of reference.procedures) {
      const values = {
        labels: procedure.labels,
        description: procedure.description ?? null,
        themeId: requireId(themeIds, procedure.themeCode, 'theme'),
        ownerServiceId: requireId(serviceIds, procedure.ownerServiceCode, 'service'),
        expectedDurationDays: procedure.expectedDurationDays,
        url: procedure.url ?? null,
        allowsSkippingSteps: procedure.allowsSkippingSteps ?? false,
        form: procedure.form ?? null,
      };
      const [row] = await tx
        .insert(t.procedures)
        .values({ code: procedure.code, ...values })
        .onConflictDoUpdate({ target: t.procedures.code, set: values })
        .returning({ id: t.procedures.id });
      const procedureId = row!.id;
      // Steps are replaced only when they differ, so that ids referenced by cases stay stable.
      const existing = await tx
        .select({ code: t.procedureSteps.code, position: t.procedureSteps.position })
        .from(t.procedureSteps)
        .where(eq(t.procedureSteps.procedureId, procedureId))
        .orderBy(t.procedureSteps.position);
      const same =
        existing.length === procedure.steps.length &&
        existing.every((step, index) => step.code === procedure.steps[index]!.code);
      if (!same) {
        await tx.delete(t.procedureSteps).where(eq(t.procedureSteps.procedureId, procedureId));
      }
      for (const [index, step] of procedure.steps.entries()) {
        const stepValues = { labels: step.labels, expectedDays: step.expectedDays ?? null, position: index + 1 };
        await tx
          .insert(t.procedureSteps)
          .values({ procedureId, code: step.code, ...stepValues })
          .onConflictDoUpdate({ target: [t.procedureSteps.procedureId, t.procedureSteps.code], set: stepValues });
      }
    }

    const procedureIds = await idsByCode(tx, t.procedures);
    await loadDocumentRequirements(tx, procedureIds);

    for (const publication of reference.publications) {
      const values = {
        labels: publication.labels,
        description: publication.description ?? null,
        themeId: optionalId(themeIds, publication.themeCode, 'theme'),
        publisherServiceId: optionalId(serviceIds, publication.publisherServiceCode, 'service'),
        format: publication.format,
        free: publication.free,
        available: publication.available,
      };
      await tx
        .insert(t.publications)
        .values({ code: publication.code, ...values })
        .onConflictDoUpdate({ target: t.publications.code, set: values });
    }

    for (const counter of reference.counters) {
      const values = {
        labels: counter.labels,
        city: counter.city,
        postalCode: counter.postalCode,
        address: counter.address,
        phone: counter.phone ?? null,
        openingHours: counter.openingHours,
      };
      await tx.insert(t.counters).values({ code: counter.code, ...values }).onConflictDoUpdate({ target: t.counters.code, set: values });
    }

    await loadBookableResources(tx, serviceIds, themeIds);

    for (const option of reference.ivrOptions) {
      const values = {
        labels: option.labels,
        action: option.action,
        targetServiceId: optionalId(serviceIds, option.targetServiceCode, 'service'),
        themeId: optionalId(themeIds, option.themeCode, 'theme'),
        message: option.message ?? null,
      };
      await tx
        .insert(t.ivrOptions)
        .values({ line: option.line, key: option.key, ...values })
        .onConflictDoUpdate({ target: [t.ivrOptions.line, t.ivrOptions.key], set: values });
    }

    for (const policy of reference.slaPolicies) {
      const criteria = {
        kind: policy.kind,
        channel: policy.channel ?? null,
        themeId: optionalId(themeIds, policy.themeCode, 'theme'),
        line: policy.line ?? null,
        procedureId: optionalId(procedureIds, policy.procedureCode, 'procedure'),
      };
      const budget = { businessMinutes: policy.businessMinutes, atRiskPercent: policy.atRiskPercent ?? 80 };
      await tx
        .insert(t.slaPolicies)
        .values({ ...criteria, ...budget })
        .onConflictDoUpdate({
          target: [t.slaPolicies.kind, t.slaPolicies.channel, t.slaPolicies.themeId, t.slaPolicies.line, t.slaPolicies.procedureId],
          set: budget,
        });
    }

    for (const [vocabulary, codes] of Object.entries(reference.vocabularyLabels)) {
      for (const [code, labels] of Object.entries(codes)) {
        await tx
          .insert(t.vocabularyLabels)
          .values({ vocabulary, code, labels })
          .onConflictDoUpdate({ target: [t.vocabularyLabels.vocabulary, t.vocabularyLabels.code], set: { labels } });
      }
    }

    for (const weekday of [1, 2, 3, 4, 5]) {
      await tx
        .insert(t.businessHours)
        .values({ weekday, opensAt: '08:30', closesAt: '17:00' })
        .onConflictDoNothing();
    }

    await tx
      .insert(t.closureDays)
      .values(reference.closureDays.map((closure) => ({ day: closure.date, kind: closure.kind, labels: closure.labels })))
      .onConflictDoUpdate({
        target: t.closureDays.day,
        set: { kind: sql`excluded.kind`, labels: sql`excluded.labels` },
      });
  });
}

/**
 * The documents procedure steps require, upserted by (step, code) so that their ids, which
 * attached documents refer to, stay stable. A requirement left on a seeded procedure's step
 * that the list no longer names is deleted; documents attached for it stay, unlinked (set null).
 * `requirements` is a parameter so that a test can show that an unknown procedure or step
 * fails the load.
 */
export async function loadDocumentRequirements(
  tx: Executor,
  procedureIds: CodeMap,
  requirements: readonly DocumentRequirementSeed[] = reference.documentRequirements,
): Promise<void> {
  const seededProcedureIds = new Set(reference.procedures.map((procedure) => requireId(procedureIds, procedure.code, 'procedure')));
  const steps = await tx
    .select({ id: t.procedureSteps.id, procedureId: t.procedureSteps.procedureId, code: t.procedureSteps.code })
    .from(t.procedureSteps);
  const stepIds: CodeMap = new Map(steps.map((step) => [`${step.procedureId} ${step.code}`, step.id]));

  const listedCodesByStep = new Map<string, Set<string>>();
  for (const requirement of requirements) {
    const procedureId = requireId(procedureIds, requirement.procedureCode, 'procedure');
    const stepId = stepIds.get(`${procedureId} ${requirement.stepCode}`);
    if (!stepId) throw new Error(`Seed refers to unknown step "${requirement.stepCode}" of procedure "${requirement.procedureCode}".`);
    // A second entry for the same step would silently replace the first one's documents.
    if (listedCodesByStep.has(stepId)) throw new Error(`Seed lists the documents of step "${requirement.stepCode}" of procedure "${requirement.procedureCode}" twice.`);
    listedCodesByStep.set(stepId, new Set(requirement.documents.map((document) => document.code)));
    for (const [index, document] of requirement.documents.entries()) {
      const values = { kind: document.kind, labels: document.labels, position: index + 1 };
      await tx
        .insert(t.procedureStepRequirements)
        .values({ stepId, code: document.code, ...values })
        .onConflictDoUpdate({ target: [t.procedureStepRequirements.stepId, t.procedureStepRequirements.code], set: values });
    }
  }

  const seededStepIds = steps.filter((step) => seededProcedureIds.has(step.procedureId)).map((step) => step.id);
  const existing = await tx
    .select({ id: t.procedureStepRequirements.id, stepId: t.procedureStepRequirements.stepId, code: t.procedureStepRequirements.code })
    .from(t.procedureStepRequirements)
    .where(anyOf(t.procedureStepRequirements.stepId, seededStepIds));
  const unlistedIds = existing.filter((row) => !listedCodesByStep.get(row.stepId)?.has(row.code)).map((row) => row.id);
  if (unlistedIds.length > 0) {
    await tx.delete(t.procedureStepRequirements).where(anyOf(t.procedureStepRequirements.id, unlistedIds));
  }
}

/** Postal code centroids, bookable resources, their hours, themes and own closure days; a resource's hours and themes are replaced. */
async function loadBookableResources(tx: Executor, serviceIds: CodeMap, themeIds: CodeMap): Promise<void> {
  for (const place of reference.postalCodePlaces) {
    const { postalCode, ...values } = place;
    await tx.insert(t.postalCodePlaces).values(place).onConflictDoUpdate({ target: t.postalCodePlaces.postalCode, set: values });
  }
  const counterIds = new Map((await tx.select({ id: t.counters.id, code: t.counters.code }).from(t.counters)).map((row) => [row.code, row.id]));
  for (const resource of reference.bookableResources) {
    const values = {
      kind: resource.kind,
      labels: resource.labels,
      counterId: requireId(counterIds, resource.counterCode, 'counter'),
      serviceId: requireId(serviceIds, resource.serviceCode, 'service'),
      desks: resource.desks,
    };
    const [row] = await tx
      .insert(t.bookableResources)
      .values({ code: resource.code, ...values })
      .onConflictDoUpdate({ target: t.bookableResources.code, set: values })
      .returning({ id: t.bookableResources.id });
    const resourceId = row!.id;
    await tx.delete(t.resourceOpeningHours).where(eq(t.resourceOpeningHours.resourceId, resourceId));
    await tx
      .insert(t.resourceOpeningHours)
      .values(resource.hours.flatMap((window) => window.weekdays.map((weekday) => ({ resourceId, weekday, opensAt: window.opensAt, closesAt: window.closesAt }))));
    await tx.delete(t.resourceThemes).where(eq(t.resourceThemes.resourceId, resourceId));
    await tx
      .insert(t.resourceThemes)
      .values(resource.themes.map((theme) => ({ resourceId, themeId: requireId(themeIds, theme.code, 'theme'), durationMinutes: theme.minutes })));
    for (const closure of resource.closureDays ?? []) {
      await tx
        .insert(t.resourceClosureDays)
        .values({ resourceId, day: closure.day, reason: closure.reason })
        .onConflictDoUpdate({ target: [t.resourceClosureDays.resourceId, t.resourceClosureDays.day], set: { reason: closure.reason } });
    }
  }
}

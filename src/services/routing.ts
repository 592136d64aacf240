import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { ivrOptions, services, themes } from '../db/tables/index.js';
import { ValidationError } from '../domain/errors.js';
import { decideRoute, type IvrChoice, type Route, type ThemeRouting } from '../domain/routing.js';
import type { Channel, Language } from '../domain/vocabulary.js';

export const FIRST_LINE_SERVICE_CODE = 'SG-1718';

export interface RouteRequest {
  channel: Channel;
  language?: Language | null;
  themeCode?: string | null;
  /** Keys pressed in the voice menu; the first one chooses the option. */
  ivrPath?: string[] | null;
}

/** Where a contact should go: the same rule for routeContact and registerContact. */
export async function routeContact(db: Executor, request: RouteRequest): Promise<Route & { firstLineServiceId: string; themeId: string | undefined }> {
  let theme: (ThemeRouting & { id: string }) | undefined;
  if (request.themeCode) {
    const [found] = await db
      .select({ id: themes.id, firstLineExcluded: themes.firstLineExcluded, redirectServiceId: themes.redirectServiceId, redirectMessage: themes.redirectMessage })
      .from(themes)
      .where(eq(themes.code, request.themeCode));
    if (!found) throw new ValidationError([{ path: ['input', 'themeCode'], message: `No theme has the code "${request.themeCode}".` }]);
    theme = found;
  }
  let ivr: IvrChoice | undefined;
  const key = request.ivrPath?.[0];
  if (request.channel === 'PHONE' && key !== undefined) {
    // 1719 is the German line; every other language calls 1718.
    const line = request.language === 'de' ? '1719' : '1718';
    const [option] = await db
      .select({ action: ivrOptions.action, targetServiceId: ivrOptions.targetServiceId, message: ivrOptions.message })
      .from(ivrOptions)
      .where(and(eq(ivrOptions.line, line), eq(ivrOptions.key, key)));
    if (!option) throw new ValidationError([{ path: ['input', 'ivrPath'], message: `The ${line} menu has no option ${key}.` }]);
    ivr = option;
  }
  const [firstLine] = await db.select({ id: services.id }).from(services).where(eq(services.code, FIRST_LINE_SERVICE_CODE));
  return { ...decideRoute(ivr, theme), firstLineServiceId: firstLine!.id, themeId: theme?.id };
}

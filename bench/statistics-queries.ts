// The statistics the benchmarks ask: the parliament's question and a manager's monthly dashboard.

export const PARLIAMENT = `query ($from: Date!, $to: Date!) {
  contactStatistics(from: $from, to: $to, groupBy: [PERIOD_YEAR, CHANNEL]) { rows { period channel inboundInteractions outboundInteractions answeredCalls abandonedCalls } } }`;

export const DASHBOARD = `query ($from: Date!, $to: Date!) {
  contacts: contactStatistics(from: $from, to: $to, groupBy: [CHANNEL, SERVICE]) {
    rows { channel service { code } inboundInteractions outboundInteractions casesOpened casesResolved answeredCalls abandonedCalls averageWaitSeconds averageTalkSeconds } }
  cases: caseStatistics(from: $from, to: $to, groupBy: [LINE]) {
    rows { line casesOpened casesResolved firstContactResolutionRate handedOffRate handoffsRequested handoffRejectionRate medianResolutionBusinessHours p90ResolutionBusinessHours slaComplianceRate backlog } }
  staffing(from: $from, to: $to) { rows { service { code } line activeAgents agentDays contacts contactsPerAgentDay } } }`;

/** The last day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
}

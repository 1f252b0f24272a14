// 科技人才与科技特派员: the module's public functions.
export {
  addTarget,
  assessCommissioner,
  commissionerCounts,
  countsByRegion,
  createCommissioner,
  createTeam,
  listCommissioners,
  listTeams,
} from './commissioners.ts';
export { answerServiceConfirmation, viewServiceConfirmation } from './confirmations.ts';
export { updateCommissioner, withdrawCommissioner } from './dispatch.ts';
export {
  createRound,
  createTalentProgramme,
  decideRound,
  listTalentProgrammes,
  nominate,
  withdrawNomination,
} from './programmes.ts';
export { addAward, createTalent, exportTalentsXlsx, listTalents } from './registry.ts';
export { listServiceLogs, logService, myCommission, uploadServicePhoto } from './service-logs.ts';
export { talentFigures } from './talent-indicators.ts';
export { deleteTarget, exportTargetsXlsx, listTargets, updateTarget } from './targets.ts';

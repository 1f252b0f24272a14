// 专家抽取与评审: the module's public functions.
export { aggregate, rank, sheetTotal } from './aggregate.ts';
export { declareAssignment, getAssignmentSubject, listMyAssignments, submitScore } from './assignments.ts';
export { addAvoidance, listAvoidances, maxAvoidanceRequests, removeAvoidance } from './avoidance.ts';
export { drawPanels, getDraw, listDraws, openDraw, verifyDraw } from './draw.ts';
export { type DrawOutcome, type DrawRecordInput, type DrawSubject, type PoolExpert, runDraw } from './draw-engine.ts';
export { opinionsDocx, scoreSheetXlsx } from './exports.ts';
export { getPanel } from './panels.ts';
export { drawAlgorithm, newSeed, xoshiro128ss } from './prng.ts';
export { getRanking, getSubjectResult, subjectReviewResult } from './ranking.ts';
export { getRubric, saveRubric } from './rubric.ts';
export { expertReviewSection } from './workbench-reviews.ts';

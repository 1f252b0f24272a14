// The S&T projects module (issue 11): programmes, calls, applications and their desk steps.

export { nextStatus, projectEvents, rectificationDue, verdictEvent } from './acceptance.ts';
export { downloadApplicationFile, uploadApplicationFile } from './application-files.ts';
export { decideApplication, passFormalCheck, recommendApplication, returnApplication } from './application-steps.ts';
export { approvalListDocx, approvalListXlsx } from './approval-list.ts';
export { budgetProblems } from './budget.ts';
export { checkCall } from './call-checks.ts';
export { callWindow, daysLeft, shanghaiIso } from './call-time.ts';
export { eligibilityReasons } from './eligibility.ts';
export { formalFindings } from './formal-findings.ts';
export { getApplication } from './get-application.ts';
export { importProjectsXlsx, projectImportLimits } from './import-projects-xlsx.ts';
export { listApplications } from './list-applications.ts';
export { getCall, listCalls, listOpenCalls } from './list-calls.ts';
export { exportProjectsXlsx, getProject, listProjects } from './list-projects.ts';
export { fenToWan, wanToFen } from './money.ts';
export { createProgramme, listProgrammes } from './programmes.ts';
export { decideAcceptance, endProject, requestAcceptance } from './project-acceptance.ts';
export { decideChange, requestChange } from './project-changes.ts';
export { confirmContract } from './project-contract.ts';
export { addPayment, addProjectReport } from './project-execution.ts';
export { projectFigures, syncProjectIndicators } from './project-indicators.ts';
export { createApplication, updateApplication } from './save-application.ts';
export { closeCall, createCall, publishCall, updateCall } from './save-call.ts';
export { submitApplication } from './submit-application.ts';
export { jaccard, similarTitlePairs, titleBigrams } from './title-similarity.ts';
export { createUpward, listUpward, setUpwardResult } from './upward.ts';

/*
 * Teachers: classes (join codes, rosters, memberships). Question sets and assignments come next;
 * their queries will live here too, so class numbers grow in one module.
 */
export {
	CLASS_NAME_MAX,
	createClass,
	joinClass,
	leaveClass,
	listMemberships,
	listOwnClasses,
	listRoster,
	loadOwnClass,
	regenerateJoinCode,
	removeMember,
	setClassArchived
} from './classes';
export type { ClassProblem, ClassSummary, JoinResult, Membership, RosterEntry } from './classes';
export { describeClassProblem, describeJoinProblem } from './messages';
export {
	addItems,
	bankFilterSchema,
	changeItem,
	createSet,
	deleteSet,
	duplicateSet,
	listBuiltInSets,
	listOwnSets,
	listSetUses,
	loadOwnSet,
	PICKER_LIMIT,
	renameSet,
	searchBank,
	SET_MAX_QUESTIONS
} from './sets';
export type { BankQuestion, ItemsProblem, OwnSet, SetItem, SetProblem, SetSummary } from './sets';
export { describeSetProblem } from './set-messages';
export { createAssignment, deleteAssignment, listClassAssignments, listLearnerAssignments, loadAssignmentDetail, loadClassProgress, sortByTask } from './assignments';
export type { AssignmentDetail, AssignmentProblem, AssignmentSummary, ClassProgress, ExamTaskResult, LearnerAssignment, TaskGoal } from './assignments';
export { insightFilterSchema, loadClassInsight, makeSetOfQuestions, readInsightFilter } from './insight';
export type { ClassInsight, EindtermInsight, InsightFilter, InsightLearner, QuestionInsight } from './insight';

import { pickTitle } from '../../domain/locale';
import type { Locale } from '../../domain/locale';
import { learnerDay, learnerDayKey } from '../../domain/learner-day';
import type { DayModel } from '../../domain/learner-day';
import { csvFileName, writeCsv } from '../../domain/teach/csv';
import type { CsvCell } from '../../domain/teach/csv';
import { m } from '../../paraglide/messages';
import type { Db } from '../db';
import { attachmentHeader } from '../http';
import { loadClassProgress } from './assignments';
import { listRoster } from './classes';
import type { ClassInsight } from './insight';

/*
 * CSV downloads for a teacher's spreadsheet: the class list with each learner's progress per task,
 * and the class insight's numbers per question. Only what the join screen promised the learners
 * (name and username, practice per task, practice-exam scores, the last day practised); the exam
 * date is not in them. Column names in the teacher's language.
 */

/** An instant as the teacher's day (YYYY-MM-DD), as spreadsheets read dates. */
const dayIn = (instant: Date, day: DayModel): string => learnerDayKey(learnerDay(instant, day));

/** A CSV file as a download named after the class, what it holds and the teacher's today. */
export function csvDownload(text: string, className: string, what: string, now: Date, day: DayModel): Response {
	return new Response(text, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': attachmentHeader(csvFileName(className, what, dayIn(now, day))),
			'Cache-Control': 'private, no-store'
		}
	});
}

/** The class list: one row per learner, by name; per set task the questions done, per exam task the best score. */
export function writeRosterCsv(db: Db, classId: string, now: Date, locale: Locale, day: DayModel): string {
	const progress = loadClassProgress(db, classId, now);
	const header: CsvCell[] = [m.csv_col_name({}, { locale }), m.csv_col_joined({}, { locale }), m.csv_col_last_active({}, { locale })];
	for (const task of progress.assignments) {
		header.push(
			task.goal === 'exam'
				? m.csv_col_exam_task({ total: task.questions, date: task.dueOn }, { locale })
				: m.csv_col_task({ title: pickTitle(locale, task), total: task.questions, date: task.dueOn }, { locale })
		);
	}
	const rows = listRoster(db, classId).map((learner) => {
		const row: CsvCell[] = [learner.name, dayIn(learner.joinedAt, day), learner.lastActiveAt ? dayIn(learner.lastActiveAt, day) : null];
		for (const task of progress.assignments) {
			row.push(task.goal === 'exam' ? (progress.exams[learner.userId]?.[task.id]?.best ?? null) : (progress.met[learner.userId]?.[task.id] ?? 0));
		}
		return row;
	});
	return writeCsv([header, ...rows]);
}

/** The insight's per-question numbers, in the page's order and filter; a percentage only from 5 learners. */
export function writeQuestionsCsv(insight: ClassInsight, locale: Locale): string {
	const themeName = new Map(insight.themes.map((theme) => [theme.slug, `${theme.number}. ${theme.name}`]));
	const header: CsvCell[] = [
		m.csv_col_question_id({}, { locale }),
		m.csv_col_theme({}, { locale }),
		m.csv_col_eindterm({}, { locale }),
		m.csv_col_question({}, { locale }),
		m.csv_col_learners({}, { locale }),
		m.csv_col_first_right({}, { locale }),
		m.csv_col_first_percent({}, { locale }),
		m.csv_col_answers({}, { locale }),
		m.csv_col_wrong({}, { locale })
	];
	const rows = insight.questions.map((question): CsvCell[] => [
		question.questionId,
		themeName.get(question.themeSlug) ?? question.themeSlug,
		question.eindterm,
		question.question,
		question.learners,
		question.firstRight,
		question.firstTry.kind === 'share' ? question.firstTry.percent : null,
		question.answers,
		question.wrong.map((choice) => `${choice.option}: ${choice.count}`).join('; ')
	]);
	return writeCsv([header, ...rows]);
}

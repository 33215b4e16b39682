import type { Answers, AnswerValue, SurveyDefinition } from '@sipas/survey-definitions/schema';
import { allQuestions } from '@sipas/survey-definitions/schema';
import { isQuestionVisible } from '@sipas/survey-definitions/answers';

type Question = ReturnType<typeof allQuestions>[number]['question'];

/** A few units with different service quality, so the demo screens show differences. */
export const DEMO_UNITS: Array<{ code: string; quality: number; count: number }> = [
  { code: '92', quality: 0.86, count: 120 }, // Cần Thơ
  { code: '42', quality: 0.92, count: 90 }, // Hà Tĩnh
  { code: '01', quality: 0.8, count: 150 }, // Hà Nội
  { code: '79', quality: 0.78, count: 140 }, // Hồ Chí Minh
  { code: '48', quality: 0.9, count: 80 }, // Đà Nẵng
  { code: '46', quality: 0.84, count: 60 }, // Huế
];

export interface DemoResponse {
  unitCode: string;
  localDate: string;
  channel: 'web' | 'kiosk' | 'qr';
  answers: Answers;
}

/** Deterministic PRNG (mulberry32), so the demo looks the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pure: synthetic but valid answers for each demo unit, spread over the year up to `lastDate` (YYYY-MM-DD). */
export function generateDemoResponses(definition: SurveyDefinition, lastDate: string, seed = 2017): DemoResponse[] {
  const last = Date.parse(`${lastDate}T00:00:00Z`);
  const random = seededRandom(seed);
  const questions = allQuestions(definition).map((q) => q.question);
  const responses: DemoResponse[] = [];
  for (const unit of DEMO_UNITS) {
    for (let i = 0; i < unit.count; i++) {
      const answers: Answers = {};
      for (const question of questions) {
        if (!isQuestionVisible(definition, question.id, answers)) continue;
        const value = demoAnswer(question, unit.quality, random);
        if (value !== undefined) answers[question.id] = value;
      }
      const daysBefore = Math.floor(random() * 365);
      responses.push({
        unitCode: unit.code,
        localDate: new Date(last - daysBefore * 86_400_000).toISOString().slice(0, 10),
        channel: random() < 0.6 ? 'kiosk' : 'qr',
        answers,
      });
    }
  }
  return responses;
}

function demoAnswer(question: Question, quality: number, random: () => number): AnswerValue | undefined {
  const skipOptional = !question.required && random() < 0.4;
  if (skipOptional) return undefined;
  switch (question.type) {
    case 'satisfaction5': {
      if (question.allowNotApplicable && random() < 0.05) return 'na';
      const r = random();
      if (r < quality) return random() < 0.55 ? 4 : 5;
      return r < quality + (1 - quality) * 0.6 ? 3 : random() < 0.7 ? 2 : 1;
    }
    case 'scale4':
      return 1 + Math.floor(random() * 4);
    case 'yesNo':
      return random() < 0.3;
    case 'singleChoice':
      return pick(question.options, random).code;
    case 'multipleChoice': {
      const first = pick(question.options, random).code;
      const second = pick(question.options, random).code;
      return first === second || question.maxSelected < 2 ? [first] : [first, second];
    }
    case 'text':
      return undefined; // no invented comments: free text in a demo would read as real opinions
    case 'number':
      return question.integer ? Math.round((question.min + question.max) / 2) : (question.min + question.max) / 2;
  }
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

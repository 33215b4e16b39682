// Validates a definition: the schema, then the cross-references the schema cannot express.
// Pure, so the CLI, the loader and the tests share it.
import { checkAnswerValue, isAnswered } from './answers.ts';
import {
  SurveyDefinition,
  type Condition,
  type Question,
  type SurveyDefinition as Definition,
} from './definition.schema.ts';

export type DefinitionIssue = { path: string; message: string };

export const formatPath = (path: ReadonlyArray<PropertyKey>) =>
  path.length === 0 ? '(root)' : path.map(String).join('.');

export function checkDefinition(input: unknown): DefinitionIssue[] {
  const parsed = SurveyDefinition.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  }
  const definition = parsed.data;
  return [
    ...checkIds(definition),
    ...checkQuestions(definition),
    ...checkConditions(definition),
    ...checkScoring(definition),
    ...checkEnglish(definition),
  ];
}

type Located = { question: Question; path: string; index: number; sectionIndex: number };

function locateQuestions(definition: Definition): Located[] {
  let index = 0;
  return definition.sections.flatMap((section, sectionIndex) =>
    section.questions.map((question, q) => ({
      question,
      path: `sections.${sectionIndex}.questions.${q}`,
      index: index++,
      sectionIndex,
    })),
  );
}

/** First occurrence wins; later ones are reported by checkIds. */
function firstById(definition: Definition): Map<string, Located> {
  const byId = new Map<string, Located>();
  for (const located of locateQuestions(definition)) {
    if (!byId.has(located.question.id)) byId.set(located.question.id, located);
  }
  return byId;
}

function duplicates(items: Array<{ id: string; path: string }>, what: string): DefinitionIssue[] {
  const seen = new Set<string>();
  const issues: DefinitionIssue[] = [];
  for (const { id, path } of items) {
    if (seen.has(id)) issues.push({ path, message: `duplicate ${what} "${id}"` });
    seen.add(id);
  }
  return issues;
}

function checkIds(definition: Definition): DefinitionIssue[] {
  const sections = definition.sections.map((s, i) => ({ id: s.id, path: `sections.${i}.id` }));
  const questions = locateQuestions(definition).map((l) => ({ id: l.question.id, path: `${l.path}.id` }));
  const components = definition.scoring.components.map((c, i) => ({ id: c.id, path: `scoring.components.${i}.id` }));
  return [
    ...duplicates(sections, 'section id'),
    ...duplicates(questions, 'question id'),
    ...duplicates(components, 'component id'),
  ];
}

function checkQuestions(definition: Definition): DefinitionIssue[] {
  return locateQuestions(definition).flatMap(({ question, path }): DefinitionIssue[] => {
    switch (question.type) {
      case 'singleChoice':
      case 'multipleChoice': {
        const codes = question.options.map((o, i) => ({ id: o.code, path: `${path}.options.${i}.code` }));
        const count = question.options.length;
        const tooMany =
          question.type === 'multipleChoice' && question.maxSelected > count
            ? [{ path: `${path}.maxSelected`, message: `must not exceed the number of options (${count})` }]
            : [];
        return [...duplicates(codes, 'option code'), ...tooMany];
      }
      case 'number':
        if (question.min <= question.max) return [];
        return [{ path: `${path}.min`, message: `must not exceed max (${question.max})` }];
      default:
        return [];
    }
  });
}

/** A condition value that no valid answer of the target can equal would silently hide forever. */
function impossibleValues(condition: Condition, target: Question, path: string): DefinitionIssue[] {
  const values =
    'equals' in condition
      ? [{ value: condition.equals, path: `${path}.equals` }]
      : condition.oneOf.map((value, i) => ({ value, path: `${path}.oneOf.${i}` }));
  // A multipleChoice condition matches one selected code, so test the value as a one-code answer.
  const asAnswer = (value: unknown) => (target.type === 'multipleChoice' ? [value] : value);
  return values
    .filter(({ value }) => !isAnswered(value) || checkAnswerValue(target, asAnswer(value)).length > 0)
    .map(({ value, path }) => ({
      path,
      message: `${JSON.stringify(value)} is not a possible answer to "${target.id}" (${target.type})`,
    }));
}

function checkConditions(definition: Definition): DefinitionIssue[] {
  const byId = firstById(definition);
  const issues: DefinitionIssue[] = [];

  definition.sections.forEach((section, sectionIndex) => {
    if (!section.showIf) return;
    const path = `sections.${sectionIndex}.showIf`;
    const target = byId.get(section.showIf.question);
    if (!target) issues.push({ path: `${path}.question`, message: `unknown question "${section.showIf.question}"` });
    else if (target.sectionIndex >= sectionIndex) {
      issues.push({ path: `${path}.question`, message: `must refer to a question in an earlier section` });
    } else issues.push(...impossibleValues(section.showIf, target.question, path));
  });

  for (const { question, path, index } of locateQuestions(definition)) {
    if (!question.showIf) continue;
    const target = byId.get(question.showIf.question);
    if (!target) {
      issues.push({ path: `${path}.showIf.question`, message: `unknown question "${question.showIf.question}"` });
    } else if (target.index >= index) {
      issues.push({ path: `${path}.showIf.question`, message: `must refer to an earlier question` });
    } else issues.push(...impossibleValues(question.showIf, target.question, `${path}.showIf`));
  }
  return issues;
}

function checkScoring(definition: Definition): DefinitionIssue[] {
  const byId = firstById(definition);
  const levels = definition.scoring.satisfiedLevels.map((level, i) => ({
    id: String(level),
    path: `scoring.satisfiedLevels.${i}`,
  }));
  const issues = duplicates(levels, 'satisfied level');

  const componentOf = new Map<string, string>();
  definition.scoring.components.forEach((component, c) => {
    component.criteria.forEach((id, i) => {
      const path = `scoring.components.${c}.criteria.${i}`;
      const target = byId.get(id)?.question;
      if (!target) issues.push({ path, message: `unknown question "${id}"` });
      else if (target.type !== 'satisfaction5') {
        issues.push({ path, message: `"${id}" is a ${target.type} question, not satisfaction5` });
      }
      const previous = componentOf.get(id);
      if (previous !== undefined) issues.push({ path, message: `"${id}" is already in component "${previous}"` });
      else componentOf.set(id, component.id);
    });
  });
  return issues;
}

/** Visits every LocalizedText (any object with a string `vi`), so new text fields are covered too. */
function localizedTexts(value: unknown, path: string[], visit: (text: { en?: unknown }, path: string[]) => void) {
  if (Array.isArray(value)) value.forEach((item, i) => localizedTexts(item, [...path, String(i)], visit));
  else if (typeof value === 'object' && value !== null) {
    if (typeof (value as { vi?: unknown }).vi === 'string') visit(value, path);
    else for (const [key, child] of Object.entries(value)) localizedTexts(child, [...path, key], visit);
  }
}

function checkEnglish(definition: Definition): DefinitionIssue[] {
  if (!definition.locales.includes('en')) return [];
  const issues: DefinitionIssue[] = [];
  localizedTexts(definition, [], (text, path) => {
    if (typeof text.en !== 'string' || text.en.trim() === '') {
      issues.push({ path: formatPath([...path, 'en']), message: 'English text (en) is missing' });
    }
  });
  return issues;
}

import { describe, expect, it } from 'vitest';
import { checkedByServer, isApiError } from './api.ts';

describe('isApiError', () => {
  // Shapes taken from server/src/http/error-handler.ts: { statusCode, error, message, issues? }.
  it.each([
    [{ statusCode: 404, error: 'Not Found', message: 'Unknown unit 999' }],
    [{ statusCode: 400, error: 'Bad Request', message: 'Invalid', issues: [{ path: 'answers.q1', message: 'required' }] }],
    [{ statusCode: 400, error: 'Bad Request', message: 'Invalid', issues: [] }],
  ])('accepts %j', (body) => {
    expect(isApiError(body)).toBe(true);
  });

  it.each([
    [null],
    ['Bad Request'],
    [[]],
    [{ statusCode: '404', error: 'Not Found', message: 'x' }],
    [{ statusCode: 404, message: 'x' }],
    [{ statusCode: 400, error: 'Bad Request', message: 'x', issues: 'answers.q1' }],
    [{ statusCode: 400, error: 'Bad Request', message: 'x', issues: [{ path: 'answers.q1' }] }],
    [{ statusCode: 400, error: 'Bad Request', message: 'x', issues: [null] }],
  ])('rejects %j', (body) => {
    expect(isApiError(body)).toBe(false);
  });
});

describe('checkedByServer', () => {
  it('passes the body through unchanged', () => {
    const body = { code: '92', nameVi: 'Cần Thơ' };
    expect(checkedByServer<typeof body>().parse(body)).toBe(body);
  });
});

import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../src/db/migrate.ts';

describe('a migration split into statements', () => {
  it('ends a statement at a semicolon that ends a line, and drops comment lines', () => {
    expect(
      splitStatements('-- a comment\nCREATE TABLE a (x int);\nALTER TABLE a\n  ADD COLUMN y int;\n\nDROP TABLE b;'),
    ).toEqual(['CREATE TABLE a (x int)', 'ALTER TABLE a\n  ADD COLUMN y int', 'DROP TABLE b']);
  });

  it('keeps a dollar-quoted function body whole, with its own semicolons and comments', () => {
    const text = [
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$',
      'BEGIN',
      '  -- inside the body',
      '  PERFORM 1;',
      '  RETURN NULL;',
      'END $$;',
      'CREATE TRIGGER t AFTER INSERT ON a FOR EACH STATEMENT EXECUTE FUNCTION f();',
    ].join('\n');
    expect(splitStatements(text)).toEqual([
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  -- inside the body\n  PERFORM 1;\n  RETURN NULL;\nEND $$',
      'CREATE TRIGGER t AFTER INSERT ON a FOR EACH STATEMENT EXECUTE FUNCTION f()',
    ]);
  });

  it('keeps a last statement without a semicolon', () => {
    expect(splitStatements('SELECT 1;\nSELECT 2')).toEqual(['SELECT 1', 'SELECT 2']);
  });
});

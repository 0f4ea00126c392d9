import { createApp } from '../../src/app.ts';
import { briefDocx } from '../../src/documents/brief-docx.ts';
import { briefPdf } from '../../src/documents/brief-pdf.ts';
import { dataVersionSource } from '../../src/http/data-version.ts';
import { inThreadRenderer } from '../../src/render/chart-renderer.ts';
import { RENDERERS } from '../../src/render/renderers.ts';
import { loadHighsSolver } from '../../src/solver/highs.ts';
import type { TestDatabase } from './database.ts';

/** The app as Node wires it for brief documents: every chart renderer in-thread, and both document writers. */
export const documentApp = (test: TestDatabase) =>
  createApp({
    db: test.db,
    now: () => new Date('2026-11-22T12:00:00Z'),
    versions: dataVersionSource(test.db, 0),
    lpSolver: loadHighsSolver,
    renderer: inThreadRenderer(RENDERERS),
    briefDocuments: { pdf: briefPdf, docx: briefDocx },
  });

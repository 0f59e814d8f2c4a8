// Messages between the main thread and the analysis worker threads.
import type { AnalyzeOptions } from '../core/analyze';
import type { DocumentAnalysis } from '../core/model';
import type { DateFallback } from './indexCache';

/** Read and analyse files from disk (cold indexing). */
export interface WorkerRequest {
  kind: 'files';
  batch: number;
  jobs: { file: string; uri: string; userDate: string | null }[];
  referenceDate: string | null;
  dateFallback: DateFallback;
  maxBytes: number;
}

export type WorkerReply =
  | {
      ok: true;
      uri: string;
      file: string;
      analysis: DocumentAnalysis;
      starts: Uint32Array;
      ends: Uint32Array;
      length: number;
      size: number;
      mtimeMs: number;
      warning?: string;
    }
  | { ok: false; uri: string; file: string; reason: string };

export interface WorkerResponse {
  kind: 'files';
  batch: number;
  replies: WorkerReply[];
}

/** Analyse a text the editor holds (a large open document), off the main thread. */
export interface TextRequest {
  kind: 'text';
  id: number;
  uri: string;
  version: number;
  text: string;
  options: AnalyzeOptions;
}

export type TextResponse = { kind: 'text'; id: number; ok: true; analysis: DocumentAnalysis } | { kind: 'text'; id: number; ok: false; reason: string };

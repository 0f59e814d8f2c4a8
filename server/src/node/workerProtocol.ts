// Messages between the indexing pool and its worker threads.
import type { DocumentAnalysis } from '../core/model';

export interface WorkerRequest {
  batch: number;
  jobs: { file: string; uri: string; userDate: string | null }[];
  referenceDate: string | null;
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
  batch: number;
  replies: WorkerReply[];
}

import type { ImportIssue } from '../../core/import/report';

/** A table the reader will not read (or stopped reading), with the reasons in Chinese. */
export class TableRefusal extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map((issue) => issue.reason).join('；'));
    this.name = 'TableRefusal';
  }
}

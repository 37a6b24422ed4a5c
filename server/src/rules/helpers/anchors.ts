// Where a finding about the runbook's rehearsals as a whole sits: the trigger section heading,
// else the first trigger, else the document's anchor.
import type { RunbookModel } from '../../model/runbook';
import type { Span } from '../../model/types';

export function triggerSectionSpan(model: RunbookModel): Span {
  return model.triggers.announcements[0]?.span ?? model.triggers.triggers[0]?.nameSpan ?? model.anchor;
}

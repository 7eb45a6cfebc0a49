-- Every member event names the member's meeting praises that arrived before the roster entry
-- (CommitmentFacts): without this index that update scanned the whole award table once per
-- member, which held recognition-service's roster at a few hundred members a second.
create index award_praise_nominee on award ((recipients -> 0 ->> 'nomineeId')) where origin = 'MEETING_PRAISE';

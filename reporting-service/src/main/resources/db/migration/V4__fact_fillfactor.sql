-- Room in every page for the next version of its rows: a fact or a figure changes many times
-- (a commitment goes from DRAFT to EVALUATED), and with free space in its page the new version is
-- a heap-only tuple, which leaves the four indexes of aggregate_fact (the GiST on the path among
-- them) and the two of unit_figure alone. Pages written from now on get the room.
alter table aggregate_fact set (fillfactor = 70);
alter table unit_figure set (fillfactor = 70);

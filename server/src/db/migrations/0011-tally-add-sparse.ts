import { sql, type Kysely } from 'kysely';

// tally_add (migration 0005) adds a batch's count vector to a stored tally row, once per row the batch
// touches: 24 calls for a batch of 8 responses from 8 units. Its loop visited every slot (174 for SIPAS 2017)
// and was a third of the database's CPU under ingest (perf, bench:ingest at 16 connections), while a batch
// adds to few slots (29 per response) with small counts. This body finds the slots holding 1, 2, 3 or 4 with
// array_positions (C, one pass each) and adds only those; any other vector (a delete's negative counts, larger
// counts, vectors of different lengths or with nulls) takes the old loop. Same results for every input; bench:ingest
// +23 % responses/s at 16 connections (BENCHMARKS.md).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function tally_add(a int[], b int[]) returns int[] language plpgsql immutable parallel safe as $fn$
    declare
      r int[] := a;
      -- elements of b still to add: the non-zero ones (a null counts as non-zero, and sends b to the loop)
      remaining int := cardinality(b) - cardinality(array_positions(b, 0));
      positions int[];
      v int := 1;
      i int;
    begin
      if cardinality(a) = cardinality(b) and array_position(a, null) is null then
        while remaining > 0 and v <= 4 loop
          positions := array_positions(b, v);
          foreach i in array positions loop
            r[i] := r[i] + v;
          end loop;
          remaining := remaining - cardinality(positions);
          v := v + 1;
        end loop;
        if remaining = 0 then
          return r;
        end if;
        r := a;
      end if;
      for i in 1 .. greatest(cardinality(a), cardinality(b)) loop
        r[i] := coalesce(a[i], 0) + coalesce(b[i], 0);
      end loop;
      return r;
    end
    $fn$`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function tally_add(a int[], b int[]) returns int[] language plpgsql immutable parallel safe as $fn$
    declare
      r int[] := a;
    begin
      for i in 1 .. greatest(cardinality(a), cardinality(b)) loop
        r[i] := coalesce(a[i], 0) + coalesce(b[i], 0);
      end loop;
      return r;
    end
    $fn$`.execute(db);
}

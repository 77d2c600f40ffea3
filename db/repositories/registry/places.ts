import type { Knex } from 'knex';

type Db = Knex | Knex.Transaction;

export interface StoredHouse {
  id: string;
  grid_id: string;
  code: string;
  building: string;
  unit: string;
  room: string;
  use: string;
  occupancy: string;
  owner_name: string;
  status: 'active' | 'moved_out';
  verified_at: number;
  verify_due_at: number;
}

export interface StoredComponent {
  id: string;
  grid_id: string;
  code: string;
  kind: string;
  address: string;
  lng: number | null;
  lat: number | null;
  condition: string;
  status: 'active' | 'moved_out';
  verified_at: number;
  verify_due_at: number;
}

const HOUSE_COLUMNS = ['id', 'grid_id', 'code', 'building', 'unit', 'room', 'use', 'occupancy', 'owner_name', 'status', 'verified_at', 'verify_due_at'];
const COMPONENT_COLUMNS = ['id', 'grid_id', 'code', 'kind', 'address', 'lng', 'lat', 'condition', 'status', 'verified_at', 'verify_due_at'];

export interface PlaceFilter {
  gridId?: string;
  building?: string;
}

export async function listHouses(db: Db, f: PlaceFilter, page: number, pageSize: number): Promise<{ rows: Array<StoredHouse & { residents: number }>; total: number }> {
  const base = () => {
    const q = db('houses').where('houses.deleted', 0);
    if (f.gridId) q.where('houses.grid_id', f.gridId);
    if (f.building) q.where('houses.building', f.building);
    return q;
  };
  const rows = (await base()
    .select(HOUSE_COLUMNS.map((c) => `houses.${c}`))
    .select(
      db.raw(
        "(select count(*) from residents r where r.grid_id = houses.grid_id and r.building = houses.building and r.unit = houses.unit and r.room = houses.room and r.deleted = 0 and r.status = 'active') as residents",
      ),
    )
    .orderBy(['houses.grid_id', 'houses.building', 'houses.unit', 'houses.room'])
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as Array<StoredHouse & { residents: number }>;
  const [count] = (await base().count({ n: '*' })) as Array<{ n: number | string }>;
  return { rows, total: Number(count?.n ?? 0) };
}

export async function listComponents(db: Db, f: PlaceFilter, page: number, pageSize: number): Promise<{ rows: StoredComponent[]; total: number }> {
  const base = () => {
    const q = db('city_components').where('deleted', 0);
    if (f.gridId) q.where('grid_id', f.gridId);
    return q;
  };
  const rows = (await base().select(COMPONENT_COLUMNS).orderBy(['grid_id', 'code']).limit(pageSize).offset((page - 1) * pageSize)) as StoredComponent[];
  const [count] = (await base().count({ n: '*' })) as Array<{ n: number | string }>;
  return { rows, total: Number(count?.n ?? 0) };
}

export async function housesInBuilding(db: Db, gridId: string, building: string): Promise<Array<StoredHouse & { residents: number }>> {
  return (await listHouses(db, { gridId, building }, 1, 50)).rows;
}

/** Components of the grid whose address the case's address names, or the other way round. */
export async function componentsAt(db: Db, gridId: string, address: string): Promise<StoredComponent[]> {
  const rows = (await db('city_components').where({ grid_id: gridId, deleted: 0, status: 'active' }).select(COMPONENT_COLUMNS).limit(2000)) as StoredComponent[];
  return rows.filter((c) => c.address !== '' && (address.includes(c.address) || c.address.includes(address))).slice(0, 20);
}

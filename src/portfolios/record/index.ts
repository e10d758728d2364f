// The portfolio record: its row and its screenings in the database, and the lookups that answer 404/409.
// The door of this sub-room: what its sibling rooms and the portfolios door use.
export { requirePortfolio, requireStatus } from './portfolio-lookup';
export {
  findScreening,
  insertPortfolio,
  insertScreening,
  latestScreening,
  listPortfolios,
  lotsOf,
  type PortfolioRow,
  type ScreeningRow,
  screeningsOf,
  updatePortfolio,
  updateScreening,
} from './portfolio-repository';

import { addDays, type IsoDate } from '../shared';
import { demoCities } from './geography';
import { chineseName } from './names';
import { composeNationalId } from '../loans';
import type { Random } from './random';

/** A fake borrower: every identifier has a valid format, none belongs to a real person. */
export interface DemoBorrower {
  borrowerId: string;
  borrowerName: string;
  nationalId: string;
  mobilePhone: string;
  province: string;
  city: string;
  birthDate: IsoDate;
}

/** Mobile prefixes in use by China Mobile, China Unicom and China Telecom. */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];

/** Borrowers' ages at origination: consumer credit skews young (mean 33, sd 8), kept within 20–60. */
const AGE_MEAN_YEARS = 33;
const AGE_SD_YEARS = 8;
export const MIN_AGE_YEARS = 20;
export const MAX_AGE_YEARS = 60;
const DAYS_PER_YEAR = 365.25;

/** An 11-digit mobile number: a real prefix and eight random digits. */
function mobilePhone(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

/** A new borrower aged 20–60 on `originationDate`, living in a population-weighted city. */
export function newBorrower(
  random: Random,
  sequence: number,
  originationDate: IsoDate,
): DemoBorrower {
  const { province, city, areaCodes } = demoCities.draw(random);
  // A tenth of a year inside the bounds, so rounding to whole days never crosses a birthday.
  const ageYears = Math.min(
    MAX_AGE_YEARS - 0.1,
    Math.max(MIN_AGE_YEARS + 0.1, random.normal(AGE_MEAN_YEARS, AGE_SD_YEARS)),
  );
  const birthDate = addDays(originationDate, -Math.floor(ageYears * DAYS_PER_YEAR));
  const idSequence = random.int(0, 999);
  return {
    borrowerId: `B${String(sequence).padStart(8, '0')}`,
    borrowerName: chineseName(random, idSequence % 2 === 1),
    nationalId: composeNationalId(random.pick(areaCodes), birthDate, idSequence),
    mobilePhone: mobilePhone(random),
    province,
    city,
    birthDate,
  };
}

import { WeightedChoice, type Random } from './random';

/**
 * Common Chinese surnames weighted by their share of the population (per mille, from the 2020
 * household-registration statistics, rounded); the rest of the population is spread over them.
 */
const SURNAMES = new WeightedChoice<string>([
  ['王', 72.5],
  ['李', 71.9],
  ['张', 68.3],
  ['刘', 53.8],
  ['陈', 45.3],
  ['杨', 30.8],
  ['黄', 22.3],
  ['赵', 22.9],
  ['吴', 20.5],
  ['周', 19.1],
  ['徐', 15.1],
  ['孙', 15.4],
  ['马', 14.4],
  ['朱', 13.0],
  ['胡', 12.8],
  ['郭', 11.5],
  ['何', 11.2],
  ['林', 10.6],
  ['罗', 10.5],
  ['高', 10.3],
  ['郑', 8.6],
  ['梁', 8.5],
  ['谢', 8.1],
  ['宋', 7.1],
  ['唐', 7.0],
  ['许', 6.6],
  ['韩', 6.4],
  ['邓', 6.3],
  ['冯', 6.3],
  ['曹', 5.9],
  ['彭', 5.8],
  ['曾', 5.7],
  ['肖', 5.6],
  ['田', 5.3],
  ['董', 5.1],
  ['潘', 4.8],
  ['袁', 4.8],
  ['蔡', 4.6],
  ['蒋', 4.6],
  ['余', 4.5],
  ['于', 4.4],
  ['杜', 4.3],
  ['叶', 4.2],
  ['程', 4.1],
  ['魏', 4.0],
  ['苏', 3.9],
  ['吕', 3.9],
  ['丁', 3.8],
  ['任', 3.7],
  ['卢', 3.6],
  ['姚', 3.6],
  ['沈', 3.5],
  ['钟', 3.5],
  ['姜', 3.4],
  ['崔', 3.3],
  ['谭', 3.3],
  ['陆', 3.2],
  ['范', 3.1],
  ['汪', 3.1],
  ['廖', 3.0],
  ['石', 3.0],
  ['金', 2.9],
  ['韦', 2.8],
  ['贾', 2.7],
  ['夏', 2.7],
  ['付', 2.6],
  ['方', 2.6],
  ['邹', 2.5],
  ['熊', 2.5],
  ['白', 2.4],
  ['孟', 2.4],
  ['秦', 2.3],
  ['邱', 2.3],
  ['侯', 2.2],
  ['江', 2.2],
  ['尹', 2.1],
  ['薛', 2.1],
  ['闫', 2.0],
  ['段', 2.0],
  ['雷', 1.9],
  ['龙', 1.9],
  ['黎', 1.8],
  ['史', 1.8],
  ['陶', 1.8],
  ['贺', 1.7],
  ['毛', 1.7],
  ['郝', 1.6],
  ['顾', 1.6],
  ['龚', 1.5],
  ['邵', 1.5],
  ['万', 1.4],
  ['覃', 1.4],
  ['武', 1.4],
  ['钱', 1.3],
  ['戴', 1.3],
  ['严', 1.3],
  ['欧阳', 0.4],
  ['诸葛', 0.05],
]);

const MALE_CHARACTERS = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国峰亮成东海志文博晨轩子豪睿泽然翔毅彬',
];
const FEMALE_CHARACTERS = [
  ...'芳娜敏静丽艳秀娟英慧巧美婷雪琳晶颖玲桂红霞燕萍倩洁梅琴云莉兰凤佳欣怡悦思雨萱涵诗梦瑶婉',
];

/** Given names have two characters about four times in five, otherwise one. */
const TWO_CHARACTER_SHARE = 0.8;

/** A plausible full name: a weighted surname and a given name from characters typical of the sex. */
export function chineseName(random: Random, male: boolean): string {
  const characters = male ? MALE_CHARACTERS : FEMALE_CHARACTERS;
  const given =
    random.pick(characters) + (random.chance(TWO_CHARACTER_SHARE) ? random.pick(characters) : '');
  return SURNAMES.draw(random) + given;
}

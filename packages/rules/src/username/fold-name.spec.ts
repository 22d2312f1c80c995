import { describe, expect, it } from '@jest/globals';
import { foldName } from './fold-name.js';

describe('foldName', () => {
  it.each([
    ['Lévesque-Côté', 'levesquecote'],
    ['François', 'francois'],
    ["D'Amours", 'damours'],
    ['D’Amours', 'damours'],
    ['Van der Berg', 'vanderberg'],
    ['Cœur', 'coeur'],
    ['ŒUVRE', 'oeuvre'],
    ['Æsa', 'aesa'],
    ['Strauß', 'strauss'],
    ['Øster', 'oster'],
    ['Łukasz', 'lukasz'],
    ['Ðorđe', 'dorde'],
    ['Þór', 'thor'],
    ['Nguyễn', 'nguyen'],
    ['Ñúñez', 'nunez'],
    ['Ｔｒｅｍｂｌａｙ', 'tremblay'],
    ['  Roy  ', 'roy'],
    ['Tremblay 2', 'tremblay'],
    ['e\u0301mile', 'emile'],
    ['李', ''],
    ['---', ''],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});

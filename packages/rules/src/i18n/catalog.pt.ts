import type { Catalog } from './catalog.js';

/** Português (norma europeia, como os outros textos do portal: « palavra-passe », « nome de utilizador »). */
export const pt: Catalog = {
  violations: {
    too_short: {
      count: 'min',
      one: 'A palavra-passe deve ter pelo menos {min} carácter.',
      other: 'A palavra-passe deve ter pelo menos {min} caracteres.',
    },
    too_long: {
      count: 'max',
      one: 'A palavra-passe deve ter no máximo {max} carácter.',
      other: 'A palavra-passe deve ter no máximo {max} caracteres.',
    },
    missing_digit: 'A palavra-passe deve conter pelo menos um algarismo.',
    missing_letter: 'A palavra-passe deve conter pelo menos uma letra.',
    missing_upper: 'A palavra-passe deve conter pelo menos uma letra maiúscula.',
    missing_lower: 'A palavra-passe deve conter pelo menos uma letra minúscula.',
    missing_symbol:
      'A palavra-passe deve conter pelo menos um carácter especial (que não seja letra nem algarismo).',
    contains_username: 'A palavra-passe não pode conter o seu nome de utilizador.',
    common_password: 'Esta palavra-passe é demasiado comum. Escolha outra.',
    reused: 'Já utilizou esta palavra-passe recentemente. Escolha outra.',
  },
  rules: {
    min_length: {
      count: 'min',
      one: 'Pelo menos {min} carácter',
      other: 'Pelo menos {min} caracteres',
    },
    max_length: {
      count: 'max',
      one: 'No máximo {max} carácter',
      other: 'No máximo {max} caracteres',
    },
    digit: 'Pelo menos um algarismo',
    letter: 'Pelo menos uma letra',
    upper: 'Pelo menos uma letra maiúscula',
    lower: 'Pelo menos uma letra minúscula',
    symbol: 'Pelo menos um carácter especial (que não seja letra nem algarismo)',
    not_username: 'Não contém o seu nome de utilizador',
    not_common: 'Não é uma palavra-passe comum',
    not_reused: {
      count: 'count',
      one: 'Diferente da sua última palavra-passe',
      other: 'Diferente das suas últimas {count} palavras-passe',
    },
  },
  usernameErrors: {
    last_name_unusable:
      'Não é possível formar o nome de utilizador: o apelido não tem nenhuma letra utilizável. Indique o nome de utilizador explicitamente.',
    rule_not_derivable:
      'Os nomes de utilizador desta instituição não são formados a partir do nome. Indique o nome de utilizador explicitamente.',
    username_required: 'O nome de utilizador é obrigatório nesta instituição.',
    username_empty: 'Introduza o seu nome de utilizador.',
    username_too_long: {
      count: 'max',
      one: 'O nome de utilizador deve ter no máximo {max} carácter.',
      other: 'O nome de utilizador deve ter no máximo {max} caracteres.',
    },
    username_invalid_characters:
      'O nome de utilizador só pode conter letras sem acentos, algarismos, pontos, hífenes e sublinhados, e deve começar e terminar com uma letra ou um algarismo.',
    username_pattern_mismatch:
      'Este nome de utilizador não tem o formato esperado (por exemplo: {example}).',
    rule_pattern_invalid:
      'O formato de nome de utilizador configurado para esta instituição não é válido.',
  },
  policyIssues: {
    min_length_below_floor:
      'O comprimento mínimo não pode ser inferior a {floor} caracteres (valor pedido: {value}).',
    max_length_below_floor:
      'O comprimento máximo deve ser de pelo menos {floor} caracteres (valor pedido: {value}).',
    deny_common_required: 'A recusa de palavras-passe comuns não pode ser desativada.',
    disallow_username_required:
      'A recusa de palavras-passe que contêm o nome de utilizador não pode ser desativada.',
    min_length_under_8:
      'Um comprimento mínimo de {value} é fraco: o NIST (SP 800-63B) exige pelo menos {recommended} caracteres para palavras-passe escolhidas pelo utilizador.',
    min_length_under_15:
      'O NIST (SP 800-63B) exige pelo menos {recommended} caracteres quando a palavra-passe é o único fator de autenticação (comprimento mínimo atual: {value}).',
    max_length_under_64:
      'O NIST (SP 800-63B) recomenda aceitar palavras-passe de pelo menos {recommended} caracteres (comprimento máximo atual: {value}).',
    deny_list_disabled: 'As palavras-passe comuns são aceites. O NIST recomenda recusá-las.',
    username_allowed: 'As palavras-passe que contêm o nome de utilizador são aceites.',
    composition_rules:
      'O NIST já não recomenda exigir algarismos, maiúsculas ou caracteres especiais: um comprimento mínimo maior protege melhor.',
  },
};

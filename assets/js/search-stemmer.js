/*
 * Hindsight stemmer: the Porter stemmer exactly as Lucene's PorterStemFilter applies it (org.apache.lucene
 * .analysis.en.PorterStemmer, Martin Porter's original algorithm), plus the identifier guard of
 * dev.hindsight.index.IncidentAnalyzer, so the browser turns a query word into the term the index holds.
 * It works on UTF-16 code units as Lucene works on chars: only a e i o u (and y after a consonant) are vowels,
 * every other char, non-ASCII letters included, is a consonant; words of one or two chars are left alone.
 * PorterStemParityTest holds it to Lucene over the whole corpus and a list of tricky words.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.HindsightStemmer = factory();
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var DIGIT = /\p{Nd}/u;

  /** Returns the Porter stem of a lower-case word, as PorterStemFilter outputs it for that single token. */
  function stem(word) {
    var b = word.split('');
    var k = b.length - 1; // last char of the current stem
    var j = 0; // end of the stem before the suffix last matched by ends()

    // True when b[i] is a consonant: not a e i o u, and y only at the start or after a vowel.
    function cons(i) {
      var c = b[i];
      if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') {
        return false;
      }
      return c === 'y' ? (i === 0 ? true : !cons(i - 1)) : true;
    }

    // Counts the vowel-consonant sequences in b[0..j] (Porter's m).
    function m() {
      var n = 0;
      var i = 0;
      while (i <= j && cons(i)) {
        i++;
      }
      while (i <= j) {
        while (i <= j && !cons(i)) {
          i++;
        }
        if (i > j) {
          break;
        }
        n++;
        while (i <= j && cons(i)) {
          i++;
        }
      }
      return n;
    }

    // True when b[0..j] holds a vowel.
    function vowelInStem() {
      for (var i = 0; i <= j; i++) {
        if (!cons(i)) {
          return true;
        }
      }
      return false;
    }

    // True when b[i-1..i] is a double consonant.
    function doubleC(i) {
      return i >= 1 && b[i] === b[i - 1] && cons(i);
    }

    // True when b[i-2..i] is consonant-vowel-consonant and the last one is not w, x or y.
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) {
        return false;
      }
      return b[i] !== 'w' && b[i] !== 'x' && b[i] !== 'y';
    }

    // True when b[0..k] ends with s; then j is the end of the stem before it.
    function ends(s) {
      var o = k - s.length + 1;
      if (o < 0) {
        return false;
      }
      for (var i = 0; i < s.length; i++) {
        if (b[o + i] !== s.charAt(i)) {
          return false;
        }
      }
      j = k - s.length;
      return true;
    }

    // Replaces b[j+1..k] with s.
    function setTo(s) {
      for (var i = 0; i < s.length; i++) {
        b[j + 1 + i] = s.charAt(i);
      }
      k = j + s.length;
    }

    // Replaces the suffix with s when the stem before it has m > 0.
    function r(s) {
      if (m() > 0) {
        setTo(s);
      }
    }

    // Tries the (suffix, replacement) pairs in order; the first suffix that ends the word is replaced via r.
    function replaceFirst(pairs) {
      for (var i = 0; i < pairs.length; i += 2) {
        if (ends(pairs[i])) {
          r(pairs[i + 1]);
          return;
        }
      }
    }

    // Step 1ab: plurals and -ed, -ing.
    function step1() {
      if (b[k] === 's') {
        if (ends('sses')) {
          k -= 2;
        } else if (ends('ies')) {
          setTo('i');
        } else if (b[k - 1] !== 's') {
          k--;
        }
      }
      if (ends('eed')) {
        if (m() > 0) {
          k--;
        }
      } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
        k = j;
        if (ends('at')) {
          setTo('ate');
        } else if (ends('bl')) {
          setTo('ble');
        } else if (ends('iz')) {
          setTo('ize');
        } else if (doubleC(k)) {
          var c = b[k--];
          if (c === 'l' || c === 's' || c === 'z') {
            k++;
          }
        } else if (m() === 1 && cvc(k)) {
          setTo('e');
        }
      }
    }

    // Step 1c: a final y after a vowel-holding stem becomes i.
    function step2() {
      if (ends('y') && vowelInStem()) {
        b[k] = 'i';
      }
    }

    // Step 2: double suffixes to single ones (-ational to -ate, ...), keyed on the penultimate char.
    var STEP3 = {
      a: ['ational', 'ate', 'tional', 'tion'],
      c: ['enci', 'ence', 'anci', 'ance'],
      e: ['izer', 'ize'],
      l: ['bli', 'ble', 'alli', 'al', 'entli', 'ent', 'eli', 'e', 'ousli', 'ous'],
      o: ['ization', 'ize', 'ation', 'ate', 'ator', 'ate'],
      s: ['alism', 'al', 'iveness', 'ive', 'fulness', 'ful', 'ousness', 'ous'],
      t: ['aliti', 'al', 'iviti', 'ive', 'biliti', 'ble'],
      g: ['logi', 'log']
    };
    function step3() {
      if (k === 0) {
        return;
      }
      var pairs = STEP3[b[k - 1]];
      if (pairs) {
        replaceFirst(pairs);
      }
    }

    // Step 3: -ic-, -full, -ness etc., keyed on the last char.
    var STEP4 = {
      e: ['icate', 'ic', 'ative', '', 'alize', 'al'],
      i: ['iciti', 'ic'],
      l: ['ical', 'ic', 'ful', ''],
      s: ['ness', '']
    };
    function step4() {
      var pairs = STEP4[b[k]];
      if (pairs) {
        replaceFirst(pairs);
      }
    }

    // Step 4: drops -ant, -ence, etc. when the stem before has m > 1, keyed on the penultimate char.
    var STEP5 = {
      a: ['al'],
      c: ['ance', 'ence'],
      e: ['er'],
      i: ['ic'],
      l: ['able', 'ible'],
      n: ['ant', 'ement', 'ment', 'ent'],
      o: ['ion', 'ou'],
      s: ['ism'],
      t: ['ate', 'iti'],
      u: ['ous'],
      v: ['ive'],
      z: ['ize']
    };
    function step5() {
      if (k === 0) {
        return;
      }
      var suffixes = STEP5[b[k - 1]];
      if (!suffixes) {
        return;
      }
      for (var i = 0; i < suffixes.length; i++) {
        if (ends(suffixes[i]) && (suffixes[i] !== 'ion' || (j >= 0 && (b[j] === 's' || b[j] === 't')))) {
          if (m() > 1) {
            k = j;
          }
          return;
        }
      }
    }

    // Step 5: drops a final -e when m > 1 (or m = 1 and not cvc), and -ll to -l when m > 1.
    function step6() {
      j = k;
      if (b[k] === 'e') {
        var a = m();
        if (a > 1 || (a === 1 && !cvc(k - 1))) {
          k--;
        }
      }
      if (b[k] === 'l' && doubleC(k) && m() > 1) {
        k--;
      }
    }

    if (k > 1) {
      step1();
      step2();
      step3();
      step4();
      step5();
      step6();
    }
    return b.slice(0, k + 1).join('');
  }

  /** Returns true for a word never stemmed: a decimal digit or . - _ in it (per UTF-16 unit, as Java's char check). */
  function isIdentifier(word) {
    for (var i = 0; i < word.length; i++) {
      var c = word.charAt(i);
      if (c === '.' || c === '-' || c === '_' || DIGIT.test(c)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the index term of a lower-case word: identifiers as they are, other words stemmed. */
  function term(word) {
    return isIdentifier(word) ? word : stem(word);
  }

  return { stem: stem, isIdentifier: isIdentifier, term: term };
}));

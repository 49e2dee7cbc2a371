import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../../../../client/features/editor/pastedHtml.js';
import {
  WORD_HEAD,
  WORD_MATERIAL,
  WORD_TAIL,
  WPS_MATERIAL,
} from '../../../helpers/officeClipboard.js';

/** A fragment as Word wraps it: its head, conditional comments and style sheet around it. */
const fromWord = (body: string) => cleanPastedHtml(`${WORD_HEAD}${body}${WORD_TAIL}`);

describe('pasting a checking material copied from Word', () => {
  const cleaned = cleanPastedHtml(WORD_MATERIAL);

  it('keeps the title, headings one level down, paragraphs, bold and lists, and nothing else', () => {
    expect(cleaned).toBe(
      [
        '<h1>班子对照检查材料</h1>',
        '<p>根据会议安排，现将对照检查情况报告如下。</p>',
        '<h2>一、存在的主要问题</h2>',
        '<h3>（一）理论学习方面</h3>',
        '<p>学习贯彻习近平新时代中国特色社会主义思想不够系统，满足于读原文、记笔记，联系实际不紧。' +
          '<strong>2023年</strong>以来集中学习12次。</p>',
        '<ol><li><p>学原文不够</p><ul><li><p>以听代学</p></li></ul></li>' +
          '<li><p>悟原理不深</p></li></ol>',
        '<h2>二、原因剖析</h2>',
      ].join(''),
    );
  });

  it('drops styles, classes, fonts, spans, <o:p>, conditional comments and images', () => {
    for (const foreign of ['style', 'class', 'font', 'span', 'o:p', 'mso', 'if', 'img', 'v:']) {
      expect(cleaned).not.toContain(foreign);
    }
    expect(cleaned).not.toContain('仿宋');
    expect(cleaned).not.toContain('file:');
  });

  it("joins Word's wrapped source lines inside Chinese text without a space", () => {
    expect(cleaned).toContain('记笔记，联系实际不紧。');
    // Between Latin words the line end is the space it replaced.
    expect(fromWord('<p class=MsoNormal><span lang=EN-US>party\r\nbranch</span></p>')).toBe(
      '<p>party branch</p>',
    );
  });

  it('maps Word’s heading styles, by tag, class or outline level, to our levels', () => {
    const levels = fromWord(
      [
        '<h1>甲</h1>',
        '<h2>乙</h2>',
        '<h3>丙</h3>',
        '<h4>丁</h4>',
        '<h5>戊</h5>',
        '<h6>己</h6>',
        '<p class=MsoHeading1>庚</p>',
        "<p class=MsoNormal style='mso-outline-level:2'>辛</p>",
        "<p class=MsoNormal style='mso-outline-level:10'>壬</p>",
        '<p class=MsoTitle>癸</p>',
      ].join('\n'),
    );
    expect(levels).toBe(
      '<h2>甲</h2><h3>乙</h3><h4>丙</h4><h5>丁</h5><h5>戊</h5><h5>己</h5>' +
        '<h2>庚</h2><h3>辛</h3><p>壬</p><h1>癸</h1>',
    );
  });

  it('keeps the number Word’s multi-level list drew for a heading, without bold', () => {
    expect(cleaned).toContain('<h2>二、原因剖析</h2>');
    expect(fromWord('<h2><b><span>（二）政治素质方面</span></b></h2>')).toBe(
      '<h3>（二）政治素质方面</h3>',
    );
  });

  it('tells bullets (Symbol, Wingdings) from numbers and keeps a list’s start', () => {
    const item = (marker: string, text: string, level = 1) =>
      `<p class=MsoListParagraphCxSpMiddle style='text-indent:-18.0pt;mso-list:l0 level${level} lfo1'>` +
      `<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}` +
      `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>${text}</p>`;
    expect(fromWord([item('·', '甲'), item('§', '乙'), item('Ø', '丙')].join('\n'))).toBe(
      '<ul><li><p>甲</p></li><li><p>乙</p></li><li><p>丙</p></li></ul>',
    );
    expect(fromWord([item('3.', '丁'), item('4.', '戊'), item('o', '己', 2)].join('\n'))).toBe(
      '<ol start="3"><li><p>丁</p></li><li><p>戊</p><ul><li><p>己</p></li></ul></li></ol>',
    );
  });

  it('keeps Chinese list numbering as typed text in paragraphs', () => {
    const item = (marker: string, text: string) =>
      `<p class=MsoListParagraph style='mso-list:l2 level1 lfo3'><![if !supportLists]>` +
      `<span style='mso-list:Ignore'>${marker}<span>&nbsp;</span></span><![endif]>${text}</p>`;
    expect(fromWord([item('（一）', '甲'), item('②', '乙')].join(''))).toBe(
      '<p>（一）甲</p><p>②乙</p>',
    );
  });

  it('leaves out blank lines and page breaks, and keeps line breaks inside a paragraph', () => {
    expect(
      fromWord(
        [
          '<p class=MsoNormal><o:p>&nbsp;</o:p></p>',
          "<p class=MsoNormal>主持人：王书记<br>记录人：张三<br style='mso-special-character:line-break'></p>",
          "<br clear=all style='page-break-before:always'>",
          '<p class=MsoNormal>&nbsp;</p>',
        ].join('\n'),
      ),
    ).toBe('<p>主持人：王书记<br>记录人：张三</p>');
  });

  it('escapes text that looks like markup', () => {
    expect(fromWord('<p class=MsoNormal>a &lt;b&gt; &amp; c</p>')).toBe(
      '<p>a &lt;b&gt; &amp; c</p>',
    );
  });
});

describe('pasting from WPS', () => {
  const cleaned = cleanPastedHtml(WPS_MATERIAL);

  it('keeps headings, paragraphs and bold, and drops <font>, spans, sizes and its images', () => {
    expect(cleaned).toBe(
      [
        '<h2>一、存在的主要问题</h2>',
        '<h3>（一）政治素质方面</h3>',
        '<p>政治敏锐性不强，<strong>对意识形态领域的新情况</strong>研判不够。</p>',
        '<p>（1）政治站位不够高</p>',
        '<p>（2）斗争精神不够强</p>',
        '<h4>1.理想信念</h4>',
      ].join(''),
    );
  });

  it('drops the full-width spaces someone indented a paragraph with', () => {
    expect(cleaned).not.toContain('\u3000');
  });
});

describe('pasting from other sources', () => {
  it("keeps Google Docs' paragraphs out of its <b style=font-weight:normal> wrapper", () => {
    expect(
      cleanPastedHtml(
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b">' +
          '<p dir="ltr"><span style="font-weight:700;color:#000000">整改</span>' +
          '<span style="font-weight:400">措施</span></p><br><p dir="ltr"><span>落实</span></p></b>',
      ),
    ).toBe('<p><strong>整改</strong>措施</p><p>落实</p>');
  });

  it('unwraps links, italics and other inline markup, keeping their text', () => {
    expect(
      cleanPastedHtml('<p>见<a href="http://example.org/x">通知</a>，<i>务必</i><u>落实</u>。</p>'),
    ).toBe('<p>见通知，务必落实。</p>');
  });

  it('keeps HTML lists and closes what a page left open', () => {
    expect(cleanPastedHtml('<ul><li>甲<li>乙<ol><li>丙</ol></ul><p>丁<p>戊')).toBe(
      '<ul><li><p>甲</p></li><li><p>乙</p><ol><li><p>丙</p></li></ol></li></ul><p>丁</p><p>戊</p>',
    );
  });

  it('reads scripts, tables and broken markup without running or failing', () => {
    expect(
      cleanPastedHtml(
        '<script>alert(1)</script><table><tr><td>单元格一</td><td><b>单元格二</b></td></tr></table>' +
          '<p onclick="x()">甲 < 乙</div></span><p',
      ),
    ).toBe('<p>单元格一</p><p><strong>单元格二</strong></p><p>甲 &lt; 乙</p>');
    expect(cleanPastedHtml('')).toBe('');
    expect(cleanPastedHtml('纯文本')).toBe('<p>纯文本</p>');
  });
});

/**
 * Clipboard HTML as Word and WPS put it on the Windows clipboard when a checking material is
 * copied, written by hand after what they produce: Word's head with its conditional comments
 * and style sheet, MsoNormal paragraphs with character indents, spans with 仿宋_GB2312, <o:p>,
 * list paragraphs with their numbers in `mso-list:Ignore` spans behind <![if !supportLists]>,
 * source lines wrapped inside Chinese text; WPS's <font face> wrappers, `mso-spacerun:'yes'`,
 * sizes in `16.0000pt`, bold headings and images from its temp folder.
 */

export const WORD_HEAD = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List
href="file:///C:/Users/wang/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
<!--[if gte mso 9]><xml>
 <o:OfficeDocumentSettings>
  <o:AllowPNG/>
 </o:OfficeDocumentSettings>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Normal</w:View>
  <w:Zoom>0</w:Zoom>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:仿宋_GB2312;
	panose-1:2 1 6 9 3 1 1 1 1 1;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin:0cm;
	text-align:justify;
	font-size:16.0pt;
	font-family:仿宋_GB2312;}
h1
	{mso-style-priority:9;
	mso-style-link:"标题 1 字符";
	font-family:黑体;}
-->
</style>
<!--[if gte mso 10]>
<style>
 table.MsoNormalTable
	{mso-style-name:普通表格;}
</style>
<![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<!--StartFragment-->`;

export const WORD_TAIL = `
<!--EndFragment-->
</body>

</html>`;

export const WORD_MATERIAL = `${WORD_HEAD}

<p class=MsoTitle align=center style='text-align:center'><span
style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:"Times New Roman"'>班子对照检查材料<span
lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span
style='font-family:仿宋_GB2312'>根据会议安排，现将对照检查情况报告如下。<span lang=EN-US><o:p></o:p></span></span></p>

<h1 style='margin:0cm;text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><span
style='font-size:16.0pt;font-family:黑体;mso-bidi-font-family:黑体;font-weight:normal'>一、存在的主要问题<span
lang=EN-US><o:p></o:p></span></span></h1>

<h2 style='margin:0cm;text-indent:32.0pt;mso-char-indent-count:2.0'><span
style='font-size:16.0pt;font-family:楷体_GB2312;color:#C00000;font-weight:normal'>（一）理论学习方面<span
lang=EN-US><o:p></o:p></span></span></h2>

<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><span
style='font-family:仿宋_GB2312'>学习贯彻习近平新时代中国特色社会主义思想不够系统，满足于读原文、记笔记，
联系实际不紧。</span><b><span lang=EN-US style='font-family:仿宋_GB2312'>2023</span></b><b><span
style='font-family:仿宋_GB2312'>年</span></b><span style='font-family:仿宋_GB2312'>以来集中学习<span
lang=EN-US>12</span>次。<span lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoNormal><span lang=EN-US style='font-family:仿宋_GB2312'><o:p>&nbsp;</o:p></span></p>

<p class=MsoListParagraphCxSpFirst style='margin-left:18.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US style='font-family:仿宋_GB2312;mso-bidi-font-family:仿宋_GB2312'><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]><span style='font-family:仿宋_GB2312'>学原文不够<span
lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:39.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
lang=EN-US style='font-family:Wingdings;mso-fareast-font-family:Wingdings'><span
style='mso-list:Ignore'>l<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]><span
style='font-family:仿宋_GB2312'>以听代学<span lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoListParagraphCxSpLast style='margin-left:18.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US style='font-family:仿宋_GB2312'><span style='mso-list:Ignore'>2.<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
style='font-family:仿宋_GB2312'>悟原理不深<span lang=EN-US><o:p></o:p></span></span></p>

<p class=MsoNormal><span lang=EN-US style='mso-no-proof:yes'><!--[if gte vml 1]><v:shape
 id="图片_x0020_1" o:spid="_x0000_i1025" type="#_x0000_t75" style='width:120pt;height:80pt'>
 <v:imagedata src="file:///C:/Users/wang/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"
  o:title=""/>
</v:shape><![endif]--><![if !vml]><img width=160 height=107
src="file:///C:/Users/wang/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"
v:shapes="图片_x0020_1"><![endif]></span></p>

<span lang=EN-US style='font-size:16.0pt;font-family:仿宋_GB2312'><br clear=all
style='page-break-before:always'>
</span>

<h1 style='mso-list:l1 level1 lfo2'><![if !supportLists]><span lang=EN-US
style='font-family:黑体'><span style='mso-list:Ignore'>二、<span
style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]><b><span
style='font-family:黑体'>原因剖析</span></b></h1>
${WORD_TAIL}`;

export const WPS_MATERIAL = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type  content="text/html; charset=utf-8" ><meta name=ProgId  content=Word.Document ><meta name=Generator  content="Microsoft Word 14" ><meta name=Originator  content="Microsoft Word 14" ><!--[if gte mso 9]><xml><w:WordDocument><w:BrowserLevel>MicrosoftInternetExplorer4</w:BrowserLevel><w:DisplayHorizontalDrawingGridEvery>0</w:DisplayHorizontalDrawingGridEvery><w:DocumentKind>DocumentNotSpecified</w:DocumentKind></w:WordDocument></xml><![endif]--><!--[if gte mso 9]><xml><w:LatentStyles DefLockedState="false"  DefUnhideWhenUsed="true"  DefSemiHidden="true"  DefQFormat="false"  DefPriority="99"  LatentStyleCount="260" ></w:LatentStyles></xml><![endif]--><style>
@font-face{
font-family:"Times New Roman";
}

@font-face{
font-family:"仿宋_GB2312";
}

p.MsoNormal{
mso-style-name:正文;
mso-style-parent:"";
margin:0pt;
margin-bottom:.0001pt;
mso-pagination:none;
text-align:justify;
text-justify:inter-ideograph;
font-family:Calibri;
mso-fareast-font-family:宋体;
font-size:10.5000pt;
mso-font-kerning:1.0000pt;
}

h1{
mso-style-name:"标题 1";
mso-style-next:正文;
margin-top:17.0000pt;
margin-bottom:16.5000pt;
page-break-after:avoid;
mso-outline-level:1;
font-weight:bold;
font-size:22.0000pt;
}

@page{mso-page-border-surround-header:no;
mso-page-border-surround-footer:no;}@page Section0{
margin-top:72.0000pt;
margin-bottom:72.0000pt;
margin-left:90.0000pt;
margin-right:90.0000pt;
size:595.3000pt 841.9000pt;
layout-grid:15.6000pt;
}
div.Section0{page:Section0;}
</style></head><body style="tab-interval:21.0000pt;text-justify-trim:punctuation;" ><!--StartFragment--><h1 style="margin-top:17.0000pt;margin-bottom:16.5000pt;mso-para-margin-top:0.0000gd;mso-para-margin-bottom:0.0000gd;page-break-after:avoid;mso-pagination:lines-together;mso-outline-level:1;line-height:240%;" ><b><span style="mso-spacerun:'yes';font-family:黑体;mso-hansi-font-family:黑体;font-weight:bold;font-size:16.0000pt;mso-font-kerning:22.0000pt;" ><font face="黑体" >一、存在的主要问题</font></span></b><b><span style="mso-spacerun:'yes';font-family:黑体;font-weight:bold;font-size:16.0000pt;mso-font-kerning:22.0000pt;" ><o:p></o:p></span></b></h1><h2 style="margin-top:13.0000pt;margin-bottom:13.0000pt;page-break-after:avoid;mso-outline-level:2;line-height:172%;" ><b><span style="mso-spacerun:'yes';font-family:楷体_GB2312;font-weight:bold;font-size:16.0000pt;" ><font face="楷体_GB2312" >（一）政治素质方面</font></span></b></h2><p class=MsoNormal  style="text-indent:32.0000pt;mso-char-indent-count:2.0000;line-height:28.0000pt;mso-line-height-rule:exactly;" ><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;mso-hansi-font-family:'Times New Roman';font-size:16.0000pt;mso-font-kerning:1.0000pt;" ><font face="仿宋_GB2312" >\u3000\u3000政治敏锐性不强，</font></span><b><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-weight:bold;font-size:16.0000pt;" ><font face="仿宋_GB2312" >对意识形态领域的新情况</font></span></b><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;" ><font face="仿宋_GB2312" >研判不够。</font></span><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;" ><o:p></o:p></span></p><p class=MsoNormal  style="margin-left:0.0000pt;text-indent:0.0000pt;mso-list:l0 level1 lfo1;" ><![if !supportLists]><span style="font-family:仿宋_GB2312;font-size:16.0000pt;" ><span style='mso-list:Ignore;' >（1）<span>&nbsp;</span></span></span><![endif]><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;" ><font face="仿宋_GB2312" >政治站位不够高</font></span></p><p class=MsoNormal  style="margin-left:0.0000pt;text-indent:0.0000pt;mso-list:l0 level1 lfo1;" ><![if !supportLists]><span style="font-family:仿宋_GB2312;font-size:16.0000pt;" ><span style='mso-list:Ignore;' >（2）<span>&nbsp;</span></span></span><![endif]><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-size:16.0000pt;" ><font face="仿宋_GB2312" >斗争精神不够强</font></span></p><p class=p  style="mso-outline-level:3;" ><span style="mso-spacerun:'yes';font-family:仿宋_GB2312;font-weight:bold;font-size:16.0000pt;" ><font face="仿宋_GB2312" >1.理想信念</font></span></p><p class=MsoNormal ><img width="554"  height="337"  src="file:///C:\\WINDOWS\\TEMP\\ksohtml15220\\wps5.jpg" ><span style="font-family:仿宋_GB2312;font-size:16.0000pt;" ><o:p>&nbsp;</o:p></span></p><!--EndFragment--></body></html>`;

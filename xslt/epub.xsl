<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → EPUB 3 content documents: the reading edition's text (html.xsl's templates) as
  XHTML, one per document of a volume, with its title page and contents page. Notes are
  footnotes (aside epub:type="footnote"), page breaks carry their page number for the
  package's page-list, images are those the package holds (images: the build copied them),
  and nothing interactive: one view, no scripts, no forms. The package itself (OPF,
  navigation, zip) is made by toolkit/render/epub.py.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <xsl:import href="html.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <!-- A reading system shows one view: the critical text with its apparatus (or the
       witness asked for), choices as the reading view says. -->
  <xsl:variable name="tk:interactive" as="xs:boolean" select="false()"/>

  <!-- The images the package holds, as JSON: {"source @url": "images/1.png"}. -->
  <xsl:param name="images" as="xs:string" select="''"/>
  <xsl:variable name="tk:images" as="map(*)" select="if ($images != '') then parse-json($images) else map {}"/>

  <!-- Where each entry of the volume's registers is mentioned (a document's page, by the
       build): <mentioned entry="p_AJM1" href="d5.xhtml#mention-p_AJM1" label="5"/> -->
  <xsl:variable name="tk:mentioned" select="$plan/plan/mentioned"/>

  <xsl:template match="/" mode="tk:page">
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:variable name="kind" select="string($nav?page-kind)"/>
    <xsl:variable name="title" select="if ($kind = ('volume', 'title')) then tk:file-title(.)
        else if (count(tk:documents(.)) = 1) then tk:doc-title(tk:documents(.)) else tk:file-title(.)"/>
    <xsl:variable name="page" as="element()">
      <html lang="{tk:lang(.)}">
        <head>
          <meta charset="UTF-8"/>
          <title><xsl:value-of select="(if (normalize-space($title)) then $title else 'Text')
              || (if ($kind = 'title') then ' (title page)' else '')"/></title>
          <link rel="stylesheet" type="text/css" href="teikit.css"/>
        </head>
        <body>
          <xsl:choose>
            <xsl:when test="$kind = 'title'"><xsl:call-template name="title-page"/></xsl:when>
            <xsl:when test="$kind = 'volume'">
              <section class="volume" epub:type="frontmatter">
                <h1 class="volume-head"><xsl:value-of select="$title"/></h1>
                <xsl:call-template name="content"/>
                <xsl:call-template name="volume-hands"/>
              </section>
            </xsl:when>
            <xsl:otherwise>
              <section class="text" epub:type="bodymatter chapter">
                <xsl:call-template name="content"/>
              </section>
            </xsl:otherwise>
          </xsl:choose>
        </body>
      </html>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="tk:xhtml"/>
  </xsl:template>

  <!-- The title page: what the header says of the publication. -->
  <xsl:template name="title-page">
    <xsl:variable name="file" select="tk:header(.)/tei:fileDesc"/>
    <section class="title-page" epub:type="titlepage" aria-label="Title page">
      <xsl:for-each select="$file/tei:titleStmt/tei:title[normalize-space()]">
        <xsl:element name="{if (position() = 1) then 'h1' else 'p'}">
          <xsl:attribute name="class" select="'title ' || (@type, 'main')[1]"/>
          <xsl:value-of select="tk:plain(.)"/>
        </xsl:element>
      </xsl:for-each>
      <xsl:if test="empty($file/tei:titleStmt/tei:title[normalize-space()])">
        <h1 class="title"><xsl:value-of select="tk:file-title(.)"/></h1>
      </xsl:if>
      <xsl:for-each-group select="$file/tei:titleStmt/(tei:author, tei:editor)[normalize-space()]"
          group-by="local-name()">
        <p class="{current-grouping-key()}">
          <xsl:value-of select="if (current-grouping-key() = 'editor') then 'Edited by ' else 'By '"/>
          <xsl:value-of select="string-join(current-group() ! tk:plain(.), ', ')"/>
        </p>
      </xsl:for-each-group>
      <xsl:for-each select="$file/tei:editionStmt/tei:edition[normalize-space()]">
        <p class="edition"><xsl:value-of select="tk:plain(.)"/></p>
      </xsl:for-each>
      <xsl:variable name="pub" select="$file/tei:publicationStmt"/>
      <xsl:variable name="imprint" select="($pub/tei:pubPlace, $pub/(tei:publisher, tei:authority, tei:distributor),
          $pub/tei:date)[normalize-space()] ! tk:plain(.)"/>
      <xsl:if test="exists($imprint)"><p class="imprint"><xsl:value-of select="string-join($imprint, ', ')"/></p></xsl:if>
      <xsl:for-each select="$pub/tei:idno[normalize-space()]">
        <p class="idno"><xsl:value-of select="string-join(((@type ! upper-case(.)), normalize-space(.)), ' ')"/></p>
      </xsl:for-each>
      <xsl:for-each select="$pub/tei:availability[normalize-space()]">
        <div class="availability"><xsl:apply-templates/></div>
      </xsl:for-each>
      <xsl:variable name="source" select="tk:source-line(/*)"/>
      <xsl:if test="$source != ''"><p class="source">Source: <xsl:value-of select="$source"/></p></xsl:if>
    </section>
  </xsl:template>

  <!-- Notes as footnotes: a reading system shows each where its mark is. -->
  <xsl:template name="notes">
    <xsl:variable name="notes" select="tk:listed-notes(.)"/>
    <xsl:if test="$notes">
      <section class="notes" aria-label="Notes">
        <h2>Notes</h2>
        <xsl:for-each select="$notes">
          <xsl:variable name="id" select="tk:id(.)"/>
          <xsl:variable name="label" select="tk:note-label(.)"/>
          <aside id="{$id}" class="note {@type}" epub:type="footnote" role="doc-footnote">
            <div class="note-body">
              <a class="note-label" href="#{$id}-ref" role="doc-backlink"><xsl:value-of select="$label"/><xsl:if
                  test="not(@type = 'source' and $label = 'Source')">.</xsl:if></a>
              <xsl:text> </xsl:text>
              <xsl:apply-templates mode="note-body"/>
            </div>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A page break with its number for the page-list (the build numbers unnumbered ones);
       never a link to a page image (the package holds no page images). -->
  <xsl:template match="tei:pb">
    <span class="pb" id="{tk:id(.)}" role="doc-pagebreak" epub:type="pagebreak"
        aria-label="{normalize-space(@n)}">
      <xsl:value-of select="if (normalize-space(@n)) then '[Page ' || normalize-space(@n) || ']' else '[page break]'"/>
    </span>
  </xsl:template>

  <!-- An image the package holds; any other is named (a remote one linked). -->
  <xsl:template match="tei:graphic">
    <xsl:variable name="src" select="$tk:images(string(@url))"/>
    <xsl:variable name="alt" select="normalize-space(../tei:figDesc)"/>
    <xsl:variable name="url" select="tk:safe-url(@url)"/>
    <xsl:choose>
      <xsl:when test="exists($src)"><img src="{$src}" alt="{$alt}"/></xsl:when>
      <xsl:when test="matches($url, '^https?://')">
        <a class="graphic-link" href="{$url}">[image<xsl:if test="$alt != ''">: <xsl:value-of select="$alt"/></xsl:if>]</a>
      </xsl:when>
      <xsl:when test="@url">
        <span class="graphic-link">[image: <xsl:value-of select="if ($alt != '') then $alt else @url"/>]</span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The page breaks right before a document are that document's (its first page): on
       the contents page they are left out, so that each page is listed once. -->
  <xsl:template match="tei:pb[(following-sibling::node()[not(self::text() or self::tei:pb)])[1]
      /self::tei:div[@type = 'document']]" mode="tk:shell"/>

  <!-- A register entry on the contents page lists the documents that mention it (see
       tk:mentioned-by in html.xsl). -->
  <xsl:variable name="tk:mentioned-by" as="map(xs:string, element()*)"
      select="map:merge($tk:mentioned ! map {string(@entry): .}, map {'duplicates': 'combine'})"/>

  <!-- ==== The page as XHTML: html.xsl's elements moved into the XHTML namespace ==== -->
  <xsl:variable name="tk:epub-types" as="map(xs:string, xs:string)" select="map {
      'doc-noteref': 'noteref', 'doc-backlink': 'backlink', 'doc-endnotes': 'endnotes'}"/>

  <!-- XHTML is checked against HTML's content models, which a browser's parser forgives
       and EPUBCheck does not: TEI puts a list, a quotation of paragraphs or a note's
       paragraphs inside a paragraph or a heading. Inside an element that holds phrasing
       content only, an element that is not phrasing becomes a span (its class says what it
       was, so that the stylesheet shows it as a block), and a link inside a link a span:
       the text stays, in its order. -->
  <xsl:variable name="tk:phrasing-only" as="xs:string*" select="('p', 'h1', 'h2', 'h3', 'h4', 'h5',
      'h6', 'span', 'em', 'strong', 'i', 'b', 'q', 'sup', 'sub', 'small', 's', 'u', 'cite', 'abbr',
      'time', 'code', 'label', 'legend', 'pre', 'a', 'del', 'ins', 'dfn', 'mark', 'var', 'samp',
      'kbd', 'bdi', 'bdo', 'data', 'summary', 'dt', 'caption', 'th')"/>
  <xsl:variable name="tk:phrasing" as="xs:string*" select="('span', 'em', 'strong', 'i', 'b', 'q',
      'sup', 'sub', 'small', 's', 'u', 'cite', 'abbr', 'time', 'code', 'a', 'del', 'ins', 'dfn',
      'mark', 'var', 'samp', 'kbd', 'bdi', 'bdo', 'data', 'br', 'wbr', 'img')"/>
  <xsl:variable name="tk:global-attributes" as="xs:string*" select="('id', 'class', 'title', 'lang',
      'dir', 'hidden', 'role', 'aria-label', 'aria-hidden')"/>

  <xsl:template match="*[namespace-uri() = '']" mode="tk:xhtml">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="span" select="$phrasing and not(local-name() = $tk:phrasing)
        or $in-link and self::a"/>
    <xsl:element name="{if ($span) then 'span' else local-name()}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="self::html">
        <xsl:namespace name="epub" select="'http://www.idpf.org/2007/ops'"/>
        <xsl:attribute name="xml:lang" select="@lang"/>
      </xsl:if>
      <xsl:if test="@role and not(@epub:type) and map:contains($tk:epub-types, string(@role))">
        <xsl:attribute name="epub:type" select="$tk:epub-types(string(@role))"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$span">
          <xsl:apply-templates mode="tk:xhtml" select="@*[local-name() = $tk:global-attributes
              or starts-with(name(), 'data-') or self::attribute(epub:type)] except @class"/>
          <xsl:attribute name="class" select="string-join((@class, 'as-' || local-name()), ' ')"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="@*" mode="tk:xhtml"/></xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="node()" mode="tk:xhtml">
        <xsl:with-param name="phrasing" tunnel="yes" select="$phrasing or local-name() = $tk:phrasing-only"/>
        <xsl:with-param name="in-link" tunnel="yes" select="$in-link or self::a"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>
  <xsl:template match="@* | text() | comment() | *" mode="tk:xhtml">
    <xsl:copy-of select="."/>
  </xsl:template>
  <!-- XHTML has no boolean attributes: hidden="hidden" -->
  <xsl:template match="@hidden | @selected" mode="tk:xhtml">
    <xsl:attribute name="{local-name()}" select="local-name()"/>
  </xsl:template>

</xsl:stylesheet>

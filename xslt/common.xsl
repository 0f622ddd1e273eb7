<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared by every teikit output: one place decides a note's label, a text's
  effective hand, a page's image link and whether a URL may become a link, so
  HTML, print and text never disagree.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:include href="apparatus.xsl"/>

  <xsl:key name="hand" match="tei:handNote[@xml:id]" use="@xml:id"/>
  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>

  <!-- Elements whose text starts a new run for handShift (the shift's scope). -->
  <xsl:variable name="tk:block-names" as="xs:string*"
      select="('p','head','item','note','ab','l','salute','signed','dateline','cell','label',
               'seg','closer','opener','quote','q','byline','trailer','docAuthor','figDesc')"/>

  <!-- ==== What each element is: its behaviour, in the TEI processing model's words ====
       Every output's fallback (for an element it has no template of its own for) asks this
       one table:
         section  holds blocks: each child stands on its own (a div1, a register, a speech,
                  a reading made of verse lines); a section with words right inside it is a
                  block
         block    stands on lines of its own, words inside (an address line, a verse line)
         inline   runs on in the line: anything not listed
       so the outputs implement three behaviours, not hundreds of elements, and "what
       happens to element X" is answered here. Elements with templates of their own (p,
       head, note, app, choice, pb, hands…) follow those. -->
  <xsl:variable name="tk:behaviours" as="map(xs:string, xs:string)" select="map:merge((
      ('front', 'back', 'text', 'group', 'sourceDoc', 'surfaceGrp', 'surface', 'zone',
       'standOff', 'facsimile', 'listPerson', 'listPlace', 'listOrg', 'listBibl', 'listEvent',
       'person', 'place', 'org', 'event', 'sp', 'spGrp', 'castList', 'titlePage', 'div1',
       'div2', 'div3', 'div4', 'div5', 'postscript', 'address', 'floatingText', 'argument',
       'epigraph', 'msDesc', 'entry', 'superEntry', 'hom', 're', 'listApp', 'figure', 'lem',
       'rdg', 'rdgGrp')
        ! map:entry(., 'section'),
      ('addrLine', 'speaker', 'stage', 'castItem', 'docTitle', 'titlePart', 'docImprint',
       'docDate', 'listRelation', 'relation', 'personGrp', 'bibl', 'biblStruct', 'sense', 'lg',
       'l', 'trailer', 'figDesc', 'app', 'alt', 'listWit', 'witness', 'respStmt', 'birth',
       'death', 'occupation')
        ! map:entry(., 'block')))"/>
  <xsl:function name="tk:behaviour" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="($tk:behaviours(local-name($el)), 'inline')[1]"/>
  </xsl:function>

  <!-- ==== Dictionaries (the dictionaries module: entry, sense, form, gramGrp…) ====
       An entry reads as a dictionary prints it: the headword line (forms, pronunciation,
       grammar, usage labels) runs on, each sense on a line of its own with its number (1, 2…;
       a, b… within a sense; i, ii… below that), definitions, examples and translations in the
       sense's line. The parts of an entry are written without spaces between them
       (<form><orth>bank</orth><pron>bæŋk</pron></form>): the outputs put one between two
       such parts, where the source has no text between them. -->
  <xsl:variable name="tk:dict-parts" as="xs:string*" select="('form', 'orth', 'pron', 'hyph',
      'syll', 'stress', 'gramGrp', 'gram', 'gen', 'number', 'case', 'per', 'tns', 'mood',
      'iType', 'pos', 'subc', 'colloc', 'def', 'usg', 'lbl', 'xr', 'etym', 'cit', 'oRef',
      'pRef', 'lang')"/>
  <xsl:variable name="tk:dict-containers" as="xs:string*" select="('entry', 'entryFree',
      'superEntry', 'hom', 're', 'sense', 'dictScrap')"/>
  <!-- Is this part of a dictionary entry (outside a register's standOff entries)? -->
  <xsl:function name="tk:in-entry" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/ancestor::*[local-name() = $tk:dict-containers]
        [namespace-uri() = 'http://www.tei-c.org/ns/1.0'][not(ancestor::tei:standOff)])"/>
  </xsl:function>
  <!-- The space an entry's part needs before it: one where the node before it is another
       element (no text of the source's own between them). -->
  <xsl:function name="tk:dict-space" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/preceding-sibling::node()[1][self::*]
        and local-name($el) = $tk:dict-parts and tk:in-entry($el)) then ' ' else ''"/>
  </xsl:function>
  <!-- A sense's number: its @n, else its place among its sibling senses when it has any
       (1, 2…; a, b… in a sense; i, ii… deeper), else none. -->
  <xsl:function name="tk:sense-label" as="xs:string">
    <xsl:param name="sense" as="element()"/>
    <xsl:variable name="siblings" select="$sense/../tei:sense"/>
    <xsl:variable name="depth" select="count($sense/ancestor::tei:sense)"/>
    <xsl:sequence select="if (normalize-space($sense/@n)) then normalize-space($sense/@n)
        else if (count($siblings) lt 2) then ''
        else format-integer(count($sense/preceding-sibling::tei:sense) + 1,
          ('1', 'a', 'i')[min(($depth + 1, 3))])"/>
  </xsl:function>

  <!-- The document divisions of a file: FRUS-style documents, or the whole body. -->
  <xsl:function name="tk:documents" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="docs" select="$root//tei:div[@type = 'document']"/>
    <xsl:sequence select="if (exists($docs)) then $docs else $root//tei:text[1]"/>
  </xsl:function>

  <!-- The printed label of a note: its @n; "Source" for a source note; else its number. -->
  <xsl:function name="tk:note-label" as="xs:string">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:choose>
      <xsl:when test="$note/@type = 'source' and (not($note/@n) or $note/@n = ('0', ''))">Source</xsl:when>
      <xsl:when test="normalize-space($note/@n)"><xsl:value-of select="normalize-space($note/@n)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="tk:note-number($note)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Position of a note among the notes of its document (1, 2, 3…). -->
  <xsl:function name="tk:note-number" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:variable name="doc" select="($note/ancestor::tei:div[@type = 'document'][1], $note/ancestor::tei:text[1])[1]"/>
    <xsl:sequence select="count($note/preceding::tei:note[not(ancestor::tei:note or (tk:has-apps(.) and tk:of-app(.)))]
                               [(ancestor::tei:div[@type = 'document'][1], ancestor::tei:text[1])[1] is $doc]) + 1"/>
  </xsl:function>

  <!-- A stable id for anything: its xml:id, else its position in the tree (the same for
       the same document, whichever process or pass renders it, unlike generate-id()). -->
  <xsl:function name="tk:id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/@xml:id) then string($el/@xml:id)
        else 'tk-' || string-join($el/ancestor-or-self::* ! string(count(preceding-sibling::*) + 1), '-')"/>
  </xsl:function>

  <!-- The hand a node is written in: the closest @hand, else the last handShift
       before it in its block, else the empty string (the main hand). -->
  <xsl:function name="tk:hand" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="own" select="$node/ancestor-or-self::*[@hand][1]/@hand"/>
    <xsl:choose>
      <xsl:when test="$own"><xsl:sequence select="tk:ref-id($own)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="block" select="$node/ancestor::*[local-name() = $tk:block-names][1]"/>
        <xsl:variable name="shift" select="($block//tei:handShift[. &lt;&lt; $node])[last()]"/>
        <xsl:sequence select="if ($shift) then tk:ref-id($shift/@new) else ''"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A hand's id as the reader knows it: in the edition PDF every id carries its volume's
       (documents.edition_tree: "vol.h2"), which a siglum or key leaves off ("h2"). -->
  <xsl:function name="tk:siglum" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="volume" select="$node/ancestor-or-self::tei:TEI[parent::tei:teiCorpus][1]/@xml:id"/>
    <xsl:sequence select="if ($volume and starts-with($id, $volume || '.'))
        then substring-after($id, $volume || '.') else $id"/>
  </xsl:function>

  <xsl:function name="tk:ref-id" as="xs:string">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:sequence select="replace(normalize-space(($ref, '')[1]), '^#', '')"/>
  </xsl:function>

  <!-- The declaration of a hand: looked up in the header first (a key would be indexed
       again for every page of a volume, each page being a document of its own). -->
  <xsl:function name="tk:hand-note" as="element(tei:handNote)?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="declared" select="(tk:header($context)//tei:handNote[@xml:id = $id])[1]"/>
    <xsl:sequence select="if ($declared) then $declared else key('hand', $id, root($context))[1]"/>
  </xsl:function>

  <!-- Human description of a hand: "Dean Acheson (pencil)", or its id when undeclared. -->
  <xsl:function name="tk:hand-label" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="note" select="tk:hand-note($context, $id)"/>
    <xsl:sequence select="if ($note)
        then normalize-space(string($note)) || (if ($note/@medium) then ' (' || $note/@medium || ')' else '')
        else $id"/>
  </xsl:function>

  <!-- 1-based index of a hand among the declared hands (drives its colour and face). -->
  <xsl:function name="tk:hand-index" as="xs:integer">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="note" select="tk:hand-note($context, $id)"/>
    <xsl:sequence select="if ($note) then (count($note/preceding::tei:handNote) mod 6) + 1 else 6"/>
  </xsl:function>

  <!-- A URL that may become a link, or '' when its scheme is unsafe. -->
  <xsl:function name="tk:safe-url" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="u" select="replace(($url, '')[1], '[\s\p{Cc}]', '')"/>
    <xsl:variable name="scheme" select="lower-case(replace($u, '^([A-Za-z][A-Za-z0-9+.\-]*):.*$', '$1'))"/>
    <xsl:sequence select="
        if ($u = '') then ''
        else if (matches($u, '^[A-Za-z][A-Za-z0-9+.\-]*:')) then
          (if ($scheme = ('http', 'https', 'mailto')) then $u else '')
        else if (starts-with($u, '//')) then ''
        else $u"/>
  </xsl:function>

  <!-- The language of a file's text, for HTML's lang: the root's, else its text's, else
       English (an empty xml:lang, which TEI allows for "unknown", says nothing to a reader). -->
  <xsl:function name="tk:lang" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="(root($doc)/*/@xml:lang[normalize-space()],
        root($doc)/*/tei:text/@xml:lang[normalize-space()], 'en')[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- Page images as teikit reads them (toolkit/facsimile.py), handed over as JSON:
       surfaces (image, size, zones) and references (@facs value → [surface, zone]);
       html.xsl puts the viewer beside the text, print.xsl a plate before each page. -->
  <xsl:param name="facsimile" as="xs:string" select="''"/>
  <xsl:variable name="tk:facs" as="map(*)?"
      select="if ($facsimile != '') then parse-json($facsimile) else ()"/>

  <!-- [surface, zone] for an element's @facs (empty when it leads to no image). -->
  <xsl:function name="tk:facs-ref" as="array(*)?">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="if (exists($tk:facs) and $el/@facs)
        then $tk:facs?refs?(tokenize($el/@facs)[1]) else ()"/>
  </xsl:function>

  <!-- The header of the TEI an element belongs to: its own TEI's inside a corpus (each
       volume of an edition PDF keeps its hands and source), else the file's (a direct path:
       no whole-document scan). -->
  <xsl:function name="tk:header" as="element(tei:teiHeader)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::tei:TEI[1]/tei:teiHeader,
        root($node)/(tei:TEI | tei:teiCorpus)/tei:teiHeader)[1]"/>
  </xsl:function>

  <!-- Text of an element as a reader sees it in a title or a list: no notes, no deletions. -->
  <xsl:function name="tk:plain" as="xs:string">
    <xsl:param name="el" as="element()?"/>
    <!-- (only what is inside $el counts: a lemma inside a note still has words) -->
    <xsl:sequence select="normalize-space(string-join($el//text()[not(ancestor::*[. >> $el][self::tei:note
        or self::tei:del or self::tei:sic[parent::tei:choice] or self::tei:orig[parent::tei:choice]
        or self::tei:abbr[parent::tei:choice]])], ''))"/>
  </xsl:function>

  <!-- The title of a document: its head, else the file's own title. -->
  <xsl:function name="tk:doc-title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="head" select="tk:plain($doc/tei:head[1])"/>
    <xsl:sequence select="if ($head) then $head else tk:file-title($doc)"/>
  </xsl:function>

  <!-- A file's own title: an analytic title (a letter's "X an Y, 6. 7. 1891") or the main
       one before the series or edition title that often comes first. -->
  <xsl:function name="tk:file-title" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="titles" select="tk:header($node)/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="tk:plain(($titles[@level = 'a'], $titles[@type = 'main'], $titles)[1])"/>
  </xsl:function>

  <!-- The source in a line: a manuscript's place and shelfmark, else the first bibl,
       else the description's first paragraph (the full description is shown apart). -->
  <xsl:function name="tk:source-line" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="sd" select="tk:header($node)/tei:fileDesc/tei:sourceDesc[1]"/>
    <xsl:variable name="ms" select="($sd//tei:msIdentifier)[1]"/>
    <xsl:sequence select="
        if ($ms) then string-join(($ms/(tei:country, tei:settlement, tei:institution, tei:repository,
            tei:collection, tei:idno)) ! normalize-space(.)[. != ''], ', ')
        else if ($sd/tei:bibl) then tk:plain($sd/tei:bibl[1])
        else if ($sd/tei:biblStruct) then normalize-space($sd/tei:biblStruct[1])
        else if ($sd/tei:listWit and empty($sd/tei:p)) then 'Witnesses: '
            || string-join($sd/tei:listWit//tei:witness[@xml:id] ! tk:wit-siglum(., @xml:id), ', ')
        else normalize-space(($sd/tei:p, $sd)[1])"/>
  </xsl:function>

  <!-- The best date of a document: dateline @when, else creation date, else when a letter
       was sent, else ''. -->
  <xsl:function name="tk:doc-date" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="d" select="($doc//tei:dateline//tei:date[@when or @from or @notBefore],
        tk:header($doc)/tei:profileDesc/tei:creation/tei:date[@when],
        tk:header($doc)/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date[@when or @notBefore])[1]"/>
    <xsl:sequence select="string(($d/@when, $d/@from, $d/@notBefore, '')[1])"/>
  </xsl:function>

  <!-- ==== Pages: what the edition build asks for, many pages from one file in one pass ====

       The plan (a parameter, written by the build) lists the pages to make:
         <plan>
           <page href="html/v/d1.html" doc="d1" pos="1" title="…" prev-href="…" …>  one
                 document of a volume (pos: its place among the volume's documents); its
             <near href="d2.html" label="2. …" date="…" current="yes" part="Korea"
                   part-href="index.html#ch1"/>                              side list
           </page>
           <page href="html/v/index.html" kind="volume">  the volume's own page; its chapters
             <part href="#ch1" label="Korea"/>
           </page>
           <page href="html/v/index.html" doc=""/>                          the whole file
           <link target="#pg_7" href="d3.html#pg_7"/>   where a pointer leads (another page)
           <label key="d1#1" page="d1" text="1. Memorandum…" date="…"/>  volume page entries:
                  key = the document's id # which document of that id (ids may repeat)
         </plan>
       Each page is rendered exactly as if its document were a file of its own (tk:split),
       and all pages are serialised in one stream, each after a marker naming its place in
       the plan (tk:page-start; page-marker is a random string, so no content can forge one;
       the marker holds a number, not the href, because a marker in markup output is a
       comment, and a comment cannot hold two hyphens in a row, as a legal file name may). -->
  <xsl:param name="plan" as="document-node()?" select="()"/>
  <xsl:param name="page-marker" as="xs:string" select="'teikit-page'"/>
  <!-- How a page of the edition is named after its document (an ebook's are XHTML). -->
  <xsl:param name="page-suffix" as="xs:string" select="'.html'"/>

  <xsl:template match="/" mode="tk:pages">
    <xsl:variable name="root" select="."/>
    <xsl:variable name="links" as="map(xs:string, xs:string)"
        select="map:merge($plan/plan/link ! map {string(@target): string(@href)}, map {'duplicates': 'use-first'})"/>
    <xsl:variable name="header" as="element()?">
      <xsl:apply-templates select="tk:header(.)" mode="tk:split">
        <xsl:with-param name="cut" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <!-- pages name their document by position too: two documents may share an id -->
    <xsl:variable name="documents" select="$root//tei:div[@type = 'document']"/>
    <xsl:for-each select="$plan/plan/page">
      <xsl:variable name="tree" as="document-node()" select="
          if (@kind = 'volume') then tk:shell($root, $plan/plan/label, $links)
          else if (string(@doc) = '') then (if (map:size($links) = 0) then $root else tk:relink($root, $links))
          else tk:split(if (@pos) then $documents[xs:integer(current()/@pos)]
                        else key('id', string(@doc), $root)[1], $header, string(@title), $links)"/>
      <xsl:variable name="nav" as="map(xs:string, xs:string)"
          select="map:merge((@* except (@href, @doc, @title, @kind)) ! map {local-name(): string(.)})"/>
      <xsl:call-template name="tk:page-start">
        <xsl:with-param name="marker" select="$page-marker || ':' || position() || ':' || $page-marker"/>
      </xsl:call-template>
      <xsl:apply-templates select="$tree" mode="tk:page">
        <xsl:with-param name="nav" select="$nav" tunnel="yes"/>
        <xsl:with-param name="near" select="near" tunnel="yes"/>
        <xsl:with-param name="parts" select="part" tunnel="yes"/>
        <xsl:with-param name="mentions" tunnel="yes"
            select="map:merge($plan/plan/mention ! map {string(@token): .})"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>

  <!-- Where a page begins, in text output; stylesheets with markup output override this. -->
  <xsl:template name="tk:page-start">
    <xsl:param name="marker" as="xs:string"/>
    <xsl:value-of select="$marker"/>
  </xsl:template>

  <!-- One document of a volume as a file of its own: the volume's header with the
       document's title (and without the volume's page range), the page breaks just
       before the document, and the document. -->
  <xsl:function name="tk:split" as="document-node()">
    <xsl:param name="div" as="element()"/>
    <xsl:param name="header" as="element()?"/><!-- the volume's, made ready by tk:split-header -->
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="links" as="map(xs:string, xs:string)"/>
    <xsl:document>
      <TEI xmlns="http://www.tei-c.org/ns/1.0">
        <xsl:copy-of select="root($div)/*/@xml:lang"/>
        <xsl:apply-templates select="$header" mode="tk:title">
          <xsl:with-param name="title" select="$title" tunnel="yes"/>
        </xsl:apply-templates>
        <text>
          <body>
            <xsl:choose>
              <xsl:when test="map:size($links) = 0"><xsl:copy-of select="tk:pages-before($div), $div"/></xsl:when>
              <xsl:otherwise>
                <xsl:apply-templates select="tk:pages-before($div), $div" mode="tk:split">
                  <xsl:with-param name="links" select="$links" tunnel="yes"/>
                </xsl:apply-templates>
              </xsl:otherwise>
            </xsl:choose>
          </body>
        </text>
      </TEI>
    </xsl:document>
  </xsl:function>

  <!-- The volume header once per volume without its titles and page range (mode tk:split
       with cut), then per document only the path down to the title is rebuilt. -->
  <xsl:mode name="tk:title" on-no-match="deep-copy"/>
  <xsl:template match="tei:teiHeader | tei:teiHeader/tei:fileDesc" mode="tk:title">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="tk:title"/>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="tei:fileDesc/tei:titleStmt" mode="tk:title">
    <xsl:param name="title" as="xs:string" tunnel="yes"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <title xmlns="http://www.tei-c.org/ns/1.0"><xsl:value-of select="$title"/></title>
      <xsl:copy-of select="node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- The page breaks that stand right before a document (the page it begins on). -->
  <xsl:function name="tk:pages-before" as="element()*">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="prev" select="$el/preceding-sibling::node()[not(self::text())][1]"/>
    <xsl:sequence select="if ($prev/self::tei:pb) then (tk:pages-before($prev), $prev) else ()"/>
  </xsl:function>

  <!-- The whole file, with links to other documents' pages. -->
  <xsl:function name="tk:relink" as="document-node()">
    <xsl:param name="root" as="document-node()"/>
    <xsl:param name="links" as="map(xs:string, xs:string)"/>
    <xsl:document>
      <xsl:apply-templates select="$root/node()" mode="tk:split">
        <xsl:with-param name="links" select="$links" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:document>
  </xsl:function>

  <!-- The volume without its documents: front and back matter, compilation headings, and
       where each document stood, a link to its page. -->
  <xsl:function name="tk:shell" as="document-node()">
    <xsl:param name="root" as="document-node()"/>
    <xsl:param name="labels" as="element()*"/>
    <xsl:param name="links" as="map(xs:string, xs:string)"/>
    <xsl:document>
      <xsl:apply-templates select="$root/node()" mode="tk:shell">
        <xsl:with-param name="labels" tunnel="yes" select="map:merge($labels ! map {string(@key): .})"/>
        <xsl:with-param name="links" select="$links" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:document>
  </xsl:function>

  <xsl:mode name="tk:split" on-no-match="shallow-copy"/>
  <xsl:mode name="tk:shell" on-no-match="shallow-copy"/>

  <!-- With cut: the volume header made ready for its documents (tk:title adds each one's). -->
  <xsl:template match="tei:fileDesc/tei:titleStmt/tei:title | tei:fileDesc/tei:sourceDesc//tei:biblScope"
      mode="tk:split">
    <xsl:param name="cut" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="not($cut)"><xsl:next-match/></xsl:if>
  </xsl:template>
  <!-- A pointer to another page of the edition: the page's address, as the build resolved
       it; one the build could not place (href '') is marked so that it is no link. -->
  <xsl:template match="tei:ref/@target | tei:ptr/@target" mode="tk:split tk:shell">
    <xsl:param name="links" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:variable name="target" select="normalize-space(.)"/>
    <xsl:variable name="href" select="if (map:contains($links, $target)) then $links($target) else ."/>
    <xsl:attribute name="target" select="if ($href = '') then . else $href"/>
    <xsl:if test="$href = ''"><xsl:attribute name="tk:unresolved" select="'yes'"/></xsl:if>
  </xsl:template>

  <!-- Where a document stood on its volume's page: its number, title and date, a link. -->
  <xsl:key name="tk:document" match="tei:div[@type = 'document']" use="string(@xml:id)"/>
  <xsl:template match="tei:div[@type = 'document']" mode="tk:shell">
    <xsl:param name="labels" as="map(xs:string, element())" tunnel="yes"/>
    <!-- which document of that id (ids may repeat in a file with errors; counting all the
         documents before this one instead would be quadratic in a volume) -->
    <xsl:variable name="nth" select="index-of(key('tk:document', string(@xml:id)) ! generate-id(.), generate-id(.))"/>
    <xsl:variable name="label" select="$labels(string(@xml:id) || '#' || $nth)"/>
    <p xmlns="http://www.tei-c.org/ns/1.0" rend="contents-entry"><ref target="{$label/@page}{$page-suffix}"><xsl:value-of
        select="$label/@text"/></ref><xsl:if test="$label/@date != ''"><xsl:text> · </xsl:text><xsl:value-of
        select="$label/@date"/></xsl:if></p>
  </xsl:template>

</xsl:stylesheet>

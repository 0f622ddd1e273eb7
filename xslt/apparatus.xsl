<?xml version="1.0" encoding="UTF-8"?>
<!--
  The critical apparatus (TEI Guidelines ch. 12) and reading views, for every output:
  which reading of a variation unit (app) the text shows, what a witness reads, how a
  reading's witnesses are cited and what key (line, section, paragraph) its entry is
  given. Part of the common module (common.xsl includes it): HTML, print and text
  only decide how each looks.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all">

  <!-- A witness view: the id of the witness whose text is shown ('' for the critical text,
       the lemma with the apparatus). -->
  <xsl:param name="witness" as="xs:string" select="''"/>
  <!-- How a choice reads: normalized (corr, reg, expan) or diplomatic (sic, orig, abbr). -->
  <xsl:param name="reading-view" as="xs:string" select="'normalized'"/>

  <!-- Does a document have an apparatus at all (else no note needs asking whether it is
       an apparatus entry's: a question about its ancestors, asked for each note)? A key:
       indexed once per document (each page of an edition is one). -->
  <xsl:key name="tk:apps" match="tei:app" use="'all'"/>
  <xsl:function name="tk:has-apps" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="exists(key('tk:apps', 'all', root($node)))"/>
  </xsl:function>
  <xsl:variable name="tk:diplomatic" as="xs:boolean" select="$reading-view = 'diplomatic'"/>

  <!-- The reading of a choice that the view shows, and the other. -->
  <xsl:function name="tk:choice-shown" as="element()?">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="if ($tk:diplomatic)
        then ($choice/(tei:sic, tei:orig, tei:abbr), $choice/*)[1]
        else ($choice/(tei:corr, tei:reg, tei:expan), $choice/*)[1]"/>
  </xsl:function>
  <xsl:function name="tk:choice-other" as="element()?">
    <xsl:param name="choice" as="element(tei:choice)"/>
    <xsl:sequence select="($choice/* except tk:choice-shown($choice))[1]"/>
  </xsl:function>

  <!-- The readings of a unit (lem and rdg, in rdgGrp too), not those of units nested in them. -->
  <xsl:function name="tk:readings" as="element()*">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="$app/(tei:lem | tei:rdg | tei:rdgGrp//(tei:lem | tei:rdg)[ancestor::tei:app[1] is $app])"/>
  </xsl:function>

  <!-- The unit whose entry a note or a witness detail belongs to (one standing in an app,
       in no reading of it), if any. -->
  <xsl:function name="tk:of-app" as="element(tei:app)?">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="$el/ancestor::*[self::tei:app or self::tei:lem or self::tei:rdg][1]/self::tei:app"/>
  </xsl:function>

  <!-- A unit kept apart from the text it describes: the location-referenced and the
       double-end-point-attached methods (variantEncoding, or inferred: an app that points
       at its place with @from, or stands in a listApp). Its lemma is the text's own words,
       already in the text: the unit itself shows nothing where it stands, and is only an
       entry of the apparatus. -->
  <xsl:function name="tk:apart" as="xs:boolean">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="exists($app/@from) or exists($app/ancestor::tei:listApp)
        or (tk:header($app)//tei:variantEncoding/@method)[1] = ('location-referenced', 'double-end-point')"/>
  </xsl:function>

  <!-- The reading the critical text shows: the lemma; without one, the reading the edition
       designates (@type or @ana lemma/base), else the first. -->
  <xsl:function name="tk:lemma" as="element()?">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:variable name="r" select="tk:readings($app)"/>
    <xsl:sequence select="($r[self::tei:lem],
        $r[(tokenize(@type), tokenize(@ana) ! tk:ref-id(.)) = ('lemma', 'base')], $r)[1]"/>
  </xsl:function>

  <!-- The witnesses a reading's @wit names, a group (listWit) standing for its members. -->
  <xsl:function name="tk:wits" as="xs:string*">
    <xsl:param name="rdg" as="element()"/>
    <xsl:variable name="header" select="tk:header($rdg)"/>
    <xsl:sequence select="distinct-values(for $w in tokenize($rdg/@wit) ! tk:ref-id(.) return ($w,
        $header//tei:listWit[@xml:id = $w]//tei:witness/@xml:id/string()))"/>
  </xsl:function>

  <!-- What witness W reads in a unit: the reading that names it, else the lemma (in a
       negative apparatus W reads the lemma where it is not cited). -->
  <xsl:function name="tk:witness-reading" as="element()?">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:param name="w" as="xs:string"/>
    <xsl:sequence select="(tk:readings($app)[$w = tk:wits(.)], tk:lemma($app))[1]"/>
  </xsl:function>

  <!-- The reading this output shows in the running text. -->
  <xsl:function name="tk:shown" as="element()?">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="if ($witness != '') then tk:witness-reading($app, $witness) else tk:lemma($app)"/>
  </xsl:function>

  <!-- How a witness, a group, a source or a person is cited: its @n, else its siglum
       (abbr type siglum), else its id. -->
  <xsl:function name="tk:wit-siglum" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="decl" select="(tk:header($node)//(tei:witness | tei:listWit | tei:bibl
        | tei:biblStruct | tei:person)[@xml:id = $id])[1]"/>
    <xsl:sequence select="(($decl/@n, $decl/tei:abbr[@type = 'siglum'])[normalize-space()][1]
        ! normalize-space(.), $id)[1]"/>
  </xsl:function>

  <!-- Who a reading is cited for: its witnesses, then its sources and who proposed it. -->
  <xsl:function name="tk:sigla" as="xs:string*">
    <xsl:param name="rdg" as="element()"/>
    <xsl:sequence select="((tokenize($rdg/@wit), tokenize($rdg/@source), tokenize($rdg/@resp))
        ! tk:ref-id(.))[. != ''] ! tk:wit-siglum($rdg, .)"/>
  </xsl:function>

  <!-- What kind of variant a reading is (orthographic, omission…), as the source says. -->
  <xsl:function name="tk:reading-kind" as="xs:string">
    <xsl:param name="rdg" as="element()"/>
    <xsl:sequence select="string-join(distinct-values(($rdg, $rdg/parent::tei:rdgGrp) ! (tokenize(@type),
        tokenize(@cause), tokenize(@ana) ! tk:ref-id(.)) ! replace(., '[-_]', ' ')
        [not(. = ('lemma', 'base', 'omission', 'addition', 'om', 'add'))]), ', ')"/>
  </xsl:function>

  <!-- A reading with no words: an omission (or, for the lemma, a place where others add). -->
  <xsl:function name="tk:empty-reading" as="xs:boolean">
    <xsl:param name="rdg" as="element()"/>
    <xsl:sequence select="not(normalize-space(string-join($rdg//text()[not(ancestor::tei:note[. >> $rdg])], '')))
        and empty($rdg//(tei:gap | tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd
        | tei:space | tei:graphic))"/>
  </xsl:function>

  <!-- The key of a unit's entry: its verse line (l/@n), else the numbered line it is on
       (lb/@n), else its section (the @n of the divisions around it, "2.3"), else the
       paragraph of its document (§4). -->
  <xsl:function name="tk:app-key" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="l" select="$app/ancestor::tei:l[normalize-space(@n)][1]"/>
    <xsl:variable name="block" select="$app/ancestor::*[self::tei:p or self::tei:ab or self::tei:head
        or self::tei:l or self::tei:item or self::tei:seg[tei:lb] or self::tei:quote][1]"/>
    <xsl:variable name="lb" select="($block//tei:lb[normalize-space(@n)][. &lt;&lt; $app])[last()]"/>
    <xsl:variable name="from" select="if ($app/@from) then key('id', tk:ref-id($app/@from), root($app))[1] else ()"/>
    <xsl:sequence select="if ($app/self::tei:app and normalize-space($app/@loc)) then normalize-space($app/@loc)
        else if ($from) then tk:app-key($from)
        else if ($l) then normalize-space($l/@n)
        else if ($lb) then normalize-space($lb/@n)
        else tk:block-key(($block, $app)[1])"/>
  </xsl:function>

  <!-- The key of a block of text: its sections' numbers, else its paragraph number. -->
  <xsl:function name="tk:block-key" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="sections" select="$block/ancestor-or-self::*[self::tei:div or self::tei:div1
        or self::tei:div2 or self::tei:div3 or self::tei:div4 or self::tei:div5 or self::tei:ab]
        [not(@type = 'document')]/@n[tk:short-number(.)] ! normalize-space(.)"/>
    <xsl:variable name="doc" select="($block/ancestor::tei:div[@type = 'document'][1], $block/ancestor::tei:text[1],
        root($block)/*)[1]"/>
    <xsl:sequence select="if (exists($sections)) then string-join($sections, '.')
        else '§' || (count($block/ancestor-or-self::*[self::tei:p or self::tei:ab][1]
            /preceding::*[self::tei:p or self::tei:ab][. >> $doc]) + 1)"/>
  </xsl:function>

  <!-- A division number fit for a key ("12", "3a", "iv"), not an identifier (a CTS URN). -->
  <xsl:function name="tk:short-number" as="xs:boolean">
    <xsl:param name="n" as="xs:string"/>
    <xsl:sequence select="string-length(normalize-space($n)) le 8 and not(contains($n, ':'))"/>
  </xsl:function>

  <!-- The witnesses a reader can follow in a part of the text: those its readings cite (in
       units in the text: a unit apart from it changes no words of it)
       (groups as their members), declared ones in the order of the list of witnesses. -->
  <xsl:function name="tk:cited-witnesses" as="xs:string*">
    <xsl:param name="scope" as="node()"/>
    <xsl:variable name="cited" select="distinct-values(tk:apps-in($scope)[not(tk:apart(.))] ! tk:readings(.) ! tk:wits(.))"/>
    <xsl:variable name="declared" select="tk:header($scope)//tei:witness/@xml:id/string()"/>
    <xsl:variable name="groups" select="tk:header($scope)//tei:listWit/@xml:id/string()"/>
    <xsl:sequence select="$declared[. = $cited], $cited[not(. = ($declared, $groups))]"/>
  </xsl:function>
  <!-- Where a unit stands in the text a reader sees: itself, unless it is inside a reading
       the text does not show (then the unit around that reading). Its entry links there. -->
  <xsl:function name="tk:unit-in-text" as="element(tei:app)">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="(for $u in $app/ancestor-or-self::tei:app return
        (if (every $a in $u/ancestor::tei:app satisfies exists(tk:shown($a) intersect $u/ancestor::*))
         then $u else ()))[last()]"/>
  </xsl:function>

  <!-- The units a part of the text holds (nested ones too): its apparatus lists them all. -->
  <xsl:function name="tk:apps-in" as="element(tei:app)*">
    <xsl:param name="scope" as="node()"/>
    <xsl:sequence select="$scope/descendant-or-self::tei:app[not(ancestor::tei:teiHeader)]"/>
  </xsl:function>

  <!-- A witness's name for a reader: "Ps — Parisinus Suppl. gr. 1020". -->
  <xsl:function name="tk:witness-label" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="decl" select="(tk:header($node)//tei:witness[@xml:id = $id])[1]"/>
    <xsl:variable name="name" select="normalize-space(string-join(($decl/(tei:name, tei:title, tei:msDesc/tei:msIdentifier,
        tei:idno)[1], if (empty($decl/*)) then $decl else ()) ! string(.), ' '))"/>
    <xsl:sequence select="string-join((tk:wit-siglum($node, $id), $name[. != '']), ' — ')"/>
  </xsl:function>

  <!-- A unit that only says where witnesses begin, end or break off (no words in any
       reading): its entry is that, without a lemma. -->
  <xsl:function name="tk:events-only" as="xs:boolean">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="exists(tk:readings($app)) and (every $r in tk:readings($app) satisfies
        (not(normalize-space(string($r))) and exists($r//(tei:witStart | tei:witEnd | tei:lacunaStart | tei:lacunaEnd))))"/>
  </xsl:function>

  <!-- Words a witness has no text for: what a lacuna or a start/end of witness says. -->
  <xsl:function name="tk:wit-event" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="who" select="string-join($el/ancestor-or-self::*[@wit][1] ! tk:sigla(.), ' ')"/>
    <xsl:sequence select="(if ($who != '') then $who || ': ' else '')
        || (if ($el/self::tei:witStart) then 'text begins'
            else if ($el/self::tei:witEnd) then 'text ends'
            else if ($el/self::tei:lacunaStart) then 'lacuna begins'
            else 'lacuna ends')"/>
  </xsl:function>

</xsl:stylesheet>

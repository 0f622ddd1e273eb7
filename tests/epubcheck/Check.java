// Many EPUBs checked by EPUBCheck in one Java process (its command line takes one file,
// and a JVM start costs ~4 s: the corpus's 200 ebooks one by one took 15 minutes).
// Run as a single-file program: java -cp epubcheck.jar tests/epubcheck/Check.java FILE…
// Prints EPUBCheck's own messages, then a line per file: RESULT<TAB>fatals<TAB>errors<TAB>warnings<TAB>file
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class Check {
    public static void main(String[] args) {
        System.setErr(System.out);  // each book's messages before its RESULT line
        for (String name : args) {
            DefaultReportImpl report = new DefaultReportImpl(name);
            new EpubCheck(new File(name), report).doValidate();
            System.out.println("RESULT\t" + report.getFatalErrorCount() + "\t"
                + report.getErrorCount() + "\t" + report.getWarningCount() + "\t" + name);
        }
    }
}

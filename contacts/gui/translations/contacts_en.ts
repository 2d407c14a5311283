<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClusterModel</name>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="60"/>
        <source>replica {0} (in use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="61"/>
        <source>replica {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="65"/>
        <source>alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="65"/>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="35"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="37"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="40"/>
        <source>{0} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="42"/>
        <source>{0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="47"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="49"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster_model.py" line="50"/>
        <source>%n update(s) behind</source>
        <translation>
            <numerusform>%n update behind</numerusform>
            <numerusform>%n updates behind</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClusterPanel</name>
    <message>
        <location filename="../views/cluster_panel.py" line="12"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/cluster_panel.py" line="22"/>
        <source>As the replica in use sees the cluster: lag is how many updates a replica still lacks; a replica is down after missing a few pings.
Double-click a replica to use it (the window returns to it after a failover).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message numerus="yes">
        <location filename="../commands.py" line="25"/>
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../commands.py" line="29"/>
        <source>Undo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../commands.py" line="33"/>
        <source>Redo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../commands.py" line="60"/>
        <source>Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../commands.py" line="64"/>
        <source>Undo add of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../commands.py" line="67"/>
        <source>Redo add of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../commands.py" line="72"/>
        <source>Edit &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../commands.py" line="100"/>
        <source>Delete {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../commands.py" line="112"/>
        <source>Restore {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../merging.py" line="46"/>
        <source>{0}: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../merging.py" line="52"/>
        <source>Merge {0} into {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactColumns</name>
    <message>
        <location filename="../models/contact_table_model.py" line="16"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="16"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="16"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="16"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../models/contact_table_model.py" line="45"/>
        <source>  (%n more)</source>
        <translation>
            <numerusform>  (%n more)</numerusform>
            <numerusform>  (%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../views/contact_dialog.py" line="48"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="48"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="49"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="49"/>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="50"/>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="51"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="52"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="52"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="53"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="53"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="54"/>
        <source>Name details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="55"/>
        <source>Nicknames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="56"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="56"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="57"/>
        <source>Anniversary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="58"/>
        <source>Websites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="58"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="59"/>
        <source>Related people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="60"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="60"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="61"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="62"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="62"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="63"/>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="94"/>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="94"/>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="104"/>
        <source>Use their version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="105"/>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="121"/>
        <source>Full name (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="133"/>
        <source>Starred (listed first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="136"/>
        <source>Nicknames, with commas between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="137"/>
        <source>Departments, with commas between them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="148"/>
        <source>A name, or a URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="186"/>
        <source>More fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="187"/>
        <source>Name details, nicknames, department, role, anniversary, websites, chat, related people, gender, languages, time zone, location, keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="405"/>
        <source>label: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="437"/>
        <source>Overwrite their changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="437"/>
        <source>Someone else changed {fields} of this contact while you were editing it. Save your version over theirs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="459"/>
        <source>Discard this contact?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="459"/>
        <source>Discard your changes to this contact?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="461"/>
        <source>Discard?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/contact_dialog.py" line="556"/>
        <source>Someone else changed this contact: their {fields} has been filled in.</source>
        <translation>
            <numerusform>Someone else changed this contact: their {fields} has been filled in.</numerusform>
            <numerusform>Someone else changed this contact: their {fields} have been filled in.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="559"/>
        <source>They also changed {fields}, which you are editing. Keep yours or use theirs?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="568"/>
        <source>Someone else deleted this contact. Saving brings it back with your changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>January</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>February</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>April</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>July</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>August</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>September</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>October</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="199"/>
        <source>{day} {month} {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="201"/>
        <source>{day} {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="203"/>
        <source>{month} {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="231"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="233"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation.py" line="234"/>
        <source>in %n days</source>
        <translation>
            <numerusform>in %n days</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../presentation.py" line="246"/>
        <source>{date} — turns {years} {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation.py" line="257"/>
        <source>{date} — %n year(s) {when}</source>
        <translation>
            <numerusform>{date} — %n year {when}</numerusform>
            <numerusform>{date} — %n years {when}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Websites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="132"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="146"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="72"/>
        <source>Last change: Lamport stamp {0} from replica {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="102"/>
        <source>preferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="119"/>
        <source>kept as typed: not a number its country code or the region makes valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="126"/>
        <source>Open in OpenStreetMap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="135"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="137"/>
        <source>Anniversary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="157"/>
        <source>Nicknames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="157"/>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="160"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="164"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="166"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="168"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="175"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="262"/>
        <source>Select a contact to see every detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="297"/>
        <source>Starred: listed first (click or Ctrl+D to unstar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="297"/>
        <source>Star: list first (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="300"/>
        <source>Unstar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="300"/>
        <source>Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="309"/>
        <source>Loading the photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="411"/>
        <source>Copy {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="413"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="413"/>
        <source>Write an email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="416"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="416"/>
        <source>Show on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="420"/>
        <source>Show the group {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="427"/>
        <source>Copied {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../views/duplicates.py" line="31"/>
        <source>same number {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="31"/>
        <source>same email {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="35"/>
        <source>similar names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="35"/>
        <source>chosen by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="46"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="48"/>
        <source>a photo ({size} KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="48"/>
        <source>a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="53"/>
        <source>★ starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="53"/>
        <source>not starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="84"/>
        <source>Keeps &lt;b&gt;{keep}&lt;/b&gt; with what is below; &lt;b&gt;{other}&lt;/b&gt; goes to the trash (Ctrl+Z undoes the merge).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="89"/>
        <source>{other} holds nothing {keep} lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="112"/>
        <source>Both contacts&apos; entries, each once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="113"/>
        <source>{field} (all):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="140"/>
        <source>Duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="163"/>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="166"/>
        <source>&amp;Keep the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="167"/>
        <source>Keep the second contact and move the first to the trash instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="195"/>
        <source>This book is too big to hold in the window: finding duplicates needs every contact. Select two contacts and use Merge on the row menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/duplicates.py" line="207"/>
        <source>%n likely duplicate pair(s)</source>
        <translation>
            <numerusform>%n likely duplicate pair</numerusform>
            <numerusform>%n likely duplicate pairs</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="207"/>
        <source>No likely duplicates: no two contacts share a number or an email, and no names are alike.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/duplicates.py" line="261"/>
        <source>%n likely duplicate pair(s) left</source>
        <translation>
            <numerusform>%n likely duplicate pair left</numerusform>
            <numerusform>%n likely duplicate pairs left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="261"/>
        <source>No duplicates left.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../views/dialog_fields.py" line="116"/>
        <source>kept as typed: not a valid number for its country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="119"/>
        <source>kept as typed: not a valid number in {country} ({code}); add +country code to check it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="121"/>
        <source>kept as typed: no region is set, add +country code to check it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="126"/>
        <source>{shown} read in {country} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="129"/>
        <source>{shown} {country}, by its country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="187"/>
        <source>A label from the list, or type your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="196"/>
        <source>The country a number without +country code is read in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="197"/>
        <source>Default ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="197"/>
        <source>No region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="348"/>
        <source>Add phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="348"/>
        <source>Add email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="349"/>
        <source>Add website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="350"/>
        <source>Add chat address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="351"/>
        <source>Add person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="351"/>
        <source>Add key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="352"/>
        <source>Remove this phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="353"/>
        <source>Remove this email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="354"/>
        <source>Remove this website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="355"/>
        <source>Remove this chat address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="356"/>
        <source>Remove this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="357"/>
        <source>Remove this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>Apartment, suite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>PO box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>State / province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="430"/>
        <source>Remove this address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="482"/>
        <source>Add address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="507"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="511"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="515"/>
        <source>Year (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="520"/>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>Suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="721"/>
        <source>Add to a group (Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="771"/>
        <source>Remove from {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="772"/>
        <source>Group {group}, press to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="812"/>
        <source>the photo is too large even at low quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="828"/>
        <source>Choose photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="828"/>
        <source>A photo from a file (or drop one on this window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="830"/>
        <source>Remove photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="871"/>
        <source>Photo at {uri} (not downloaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="877"/>
        <source>Choose a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="879"/>
        <source>Images ({formats})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="879"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="890"/>
        <source>Not an image this window can read: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>None or not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="931"/>
        <source>Gender identity, in words (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../views/import_preview.py" line="41"/>
        <source>Import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_preview.py" line="48"/>
        <source>&amp;Update the %n contact(s) of the same id with the file&apos;s version</source>
        <translation>
            <numerusform>&amp;Update the %n contact of the same id with the file's version</numerusform>
            <numerusform>&amp;Update the %n contacts of the same id with the file's version</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="56"/>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="56"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="60"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="88"/>
        <source>same id: the file&apos;s version replaces it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="88"/>
        <source>the same contact is already in the book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="90"/>
        <source>To add ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="91"/>
        <source>To update ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="93"/>
        <source>Already there ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="94"/>
        <source>Skipped ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="104"/>
        <source>entry {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="105"/>
        <source>{name}  (line {line})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="121"/>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="143"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="143"/>
        <source>Could not read {file}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="150"/>
        <source>Read {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="157"/>
        <source>Drop to import: a preview says what will be added first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="169"/>
        <source>An import or export is still running: drop the file again once it is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_preview.py" line="82"/>
        <source>&lt;b&gt;{file}&lt;/b&gt;: %n entry(ies). {added} will be added, {updated} updated, {unchanged} already there (left as they are), {skipped} skipped.</source>
        <translation>
            <numerusform>&lt;b&gt;{file}&lt;/b&gt;: %n entry. {added} will be added, {updated} updated, {unchanged} already there (left as they are), {skipped} skipped.</numerusform>
            <numerusform>&lt;b&gt;{file}&lt;/b&gt;: %n entries. {added} will be added, {updated} updated, {unchanged} already there (left as they are), {skipped} skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../views/detail_pane.py" line="114"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="124"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="128"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="161"/>
        <source>Related</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="171"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Pager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Textphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Preferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>X.400</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Homepage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Co-worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="56"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="56"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="56"/>
        <source>Emergency contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app.py" line="72"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="79"/>
        <source>Search every field  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="194"/>
        <source>The replica this window uses and how many are alive; click for the cluster panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="232"/>
        <source>&amp;New contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="233"/>
        <source>&amp;Edit contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="234"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="234"/>
        <source>Delete the selected contacts (undo with Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="236"/>
        <source>&amp;Star / unstar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="236"/>
        <source>Star the selected contacts (listed first), or unstar them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="238"/>
        <source>Add to &amp;group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="240"/>
        <source>Remo&amp;ve from group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="250"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="251"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="258"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="259"/>
        <source>&amp;Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="260"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="261"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="262"/>
        <source>&amp;Import vCard or CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="263"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="264"/>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="283"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="288"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="303"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="330"/>
        <source>Undo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="330"/>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="330"/>
        <source>Redo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="330"/>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="430"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="434"/>
        <source> (first %n found)</source>
        <translation>
            <numerusform> (first %n found)</numerusform>
            <numerusform> (first %n found)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="434"/>
        <source> (%n found)</source>
        <translation>
            <numerusform> (%n found)</numerusform>
            <numerusform> (%n found)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="540"/>
        <source>No contact matches “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="542"/>
        <source>No replica reachable yet — retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="544"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="546"/>
        <source>No contacts yet — Ctrl+N adds one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="580"/>
        <source>Click for the cluster panel.

Recent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="583"/>
        <source>saving %n change(s)…</source>
        <translation>
            <numerusform>saving %n change…</numerusform>
            <numerusform>saving %n changes…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="638"/>
        <source>The contact changed meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="639"/>
        <source>While you were saving, {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="640"/>
        <source>Save your version over theirs, edit again starting from theirs, or drop your changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="642"/>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="643"/>
        <source>Edit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="644"/>
        <source>Keep theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="666"/>
        <source>Star {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="666"/>
        <source>Unstar {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="676"/>
        <source>Add {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="681"/>
        <source>Remove {0} from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="696"/>
        <source>New group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="705"/>
        <source>(in no group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="712"/>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="713"/>
        <source>Add {0} to the group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="729"/>
        <source>Unstar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="729"/>
        <source>Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="730"/>
        <source>Add to group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="730"/>
        <source>Remove from group</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="753"/>
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="754"/>
        <source>Deleting {0} — Ctrl+Z brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="816"/>
        <source>Phone numbers without +country code are now read in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="816"/>
        <source>Phone numbers without +country code are now kept as typed, unchecked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="827"/>
        <source>Using the name server at {0}:{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="905"/>
        <source>Changes not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="909"/>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="905"/>
        <source>%n change(s) still wait for a replica to answer. Quit anyway and lose them?</source>
        <translation>
            <numerusform>%n change still waits for a replica to answer. Quit anyway and lose it?</numerusform>
            <numerusform>%n changes still wait for a replica to answer. Quit anyway and lose them?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="232"/>
        <source>Add a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="259"/>
        <source>Deleted contacts, with restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="265"/>
        <source>Export se&amp;lected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="265"/>
        <source>Export the selected contacts to a vCard or CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="267"/>
        <source>Share as .&amp;vcf…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="267"/>
        <source>Save the selected contact as a vCard file to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="269"/>
        <source>Share as QR &amp;code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="269"/>
        <source>A QR code of the contact&apos;s vCard, for a phone&apos;s camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="275"/>
        <source>Find du&amp;plicates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="275"/>
        <source>Contacts sharing a number or an email, or with alike names; merge them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="320"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="734"/>
        <source>Export contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="734"/>
        <source>Export %n contacts…</source>
        <translation>
            <numerusform>Export %n contact…</numerusform>
            <numerusform>Export %n contacts…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="740"/>
        <source>Merge these two…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="840"/>
        <source>Select the contacts to export first (Ctrl+A selects them all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="40"/>
        <source>A big book is read in pages, in the order the replicas keep it (starred first, then by first or last name: View → Sort by). Search to narrow it down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="44"/>
        <source>&amp;First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="44"/>
        <source>&amp;Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="310"/>
        <source>&amp;Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="437"/>
        <source>, by last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="437"/>
        <source>, by first name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../session.py" line="167"/>
        <source>Connecting to the cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="317"/>
        <source>Refreshing failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="321"/>
        <source>Lost contact with every replica; retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="325"/>
        <source>No replica reachable — retrying every second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="346"/>
        <source>Every saved change is shown again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="357"/>
        <source>Cannot use replica {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="368"/>
        <source>Now using replica {0}, as chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="370"/>
        <source>Replica {0} stopped answering — now using replica {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="373"/>
        <source>Back in touch: using replica {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="381"/>
        <source>Replica {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="383"/>
        <source> · {0} of {1} alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="386"/>
        <source> · %n saved change(s) not shown</source>
        <translation>
            <numerusform> · %n saved change not shown</numerusform>
            <numerusform> · %n saved changes not shown</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="402"/>
        <source>{0}: waiting for a replica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="444"/>
        <source>Added {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="600"/>
        <source>Nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="481"/>
        <source>Saved &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="627"/>
        <source>{0}: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="340"/>
        <source>replica {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="343"/>
        <source>%n saved change(s) only on {0}, which is down: not shown until it is back (nothing is lost)</source>
        <translation>
            <numerusform>%n saved change only on {0}, which is down: not shown until it is back (nothing is lost)</numerusform>
            <numerusform>%n saved changes only on {0}, which is down: not shown until it is back (nothing is lost)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="509"/>
        <source>Delete forever {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="528"/>
        <source>Empty the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="539"/>
        <source>Trash emptied: %n contact(s) deleted forever</source>
        <translation>
            <numerusform>Trash emptied: %n contact deleted forever</numerusform>
            <numerusform>Trash emptied: %n contacts deleted forever</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="64"/>
        <source>No replica could be reached: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="432"/>
        <source>{0} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="439"/>
        <source>Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="490"/>
        <source>Save &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="495"/>
        <source>Delete {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="501"/>
        <source>Restore {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../views/settings_dialog.py" line="12"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="25"/>
        <source>The Pyro5 name server tells the window where the replicas are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="26"/>
        <source>Name server host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="27"/>
        <source>Name server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="29"/>
        <source>None: only numbers with a +country code are checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="35"/>
        <source>Default region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="37"/>
        <source>vCard 3.0 (read by every phone and program)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="38"/>
        <source>vCard 4.0 (the newest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="40"/>
        <source>Export as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="49"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="42"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="42"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="46"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="53"/>
        <source>Takes effect the next time the window opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="54"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="76"/>
        <source>host: give a host name or an IP address, without spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="33"/>
        <source>A phone number typed without +country code is read as a number of this country (each phone in the contact dialog may have its own)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <location filename="../views/share.py" line="39"/>
        <source>{name} holds too much for a QR code ({size} bytes of vCard; a QR code holds at most 2953). Share it as a .vcf file instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/share.py" line="40"/>
        <source>This contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/share.py" line="48"/>
        <source>QR code — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/share.py" line="59"/>
        <source>Share as .vcf…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/share.py" line="63"/>
        <source>Point a phone&apos;s camera at it to add the contact (without the photo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/share.py" line="67"/>
        <source>&amp;Save image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/share.py" line="79"/>
        <source>Save QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/share.py" line="79"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../views/sidebar.py" line="58"/>
        <source>Contact groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="92"/>
        <source>All contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="102"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="95"/>
        <source>Search by group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="95"/>
        <source>A book this big is held in pages, so its groups are not counted here; the search matches group names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="100"/>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="105"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="105"/>
        <source>Deleted contacts (Return or click opens them)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../views/transfer.py" line="24"/>
        <source>Contact files (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="31"/>
        <source>CSV, plain (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="56"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="104"/>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="119"/>
        <source>Importing {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/transfer.py" line="142"/>
        <source>%n property(ies) too big to keep and left out (see the details).</source>
        <translation>
            <numerusform>%n property was too big to keep and left out (see the details).</numerusform>
            <numerusform>%n properties were too big to keep and left out (see the details).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="144"/>
        <source>Cancelled before anything was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="146"/>
        <source>Cancelled after {done} of {total} contacts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="148"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="155"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="155"/>
        <source>Could not import {file}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="158"/>
        <source>Import {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="183"/>
        <source>Export contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="183"/>
        <source>contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/transfer.py" line="185"/>
        <source>Export %n contact(s)</source>
        <translation>
            <numerusform>Export %n contact</numerusform>
            <numerusform>Export %n contacts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="186"/>
        <source>selected contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="213"/>
        <source>Exporting to {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="256"/>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="256"/>
        <source>Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="259"/>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/transfer.py" line="259"/>
        <source>Wrote %n contact(s) to {path} ({kind}).</source>
        <translation>
            <numerusform>Wrote %n contact to {path} ({kind}).</numerusform>
            <numerusform>Wrote %n contacts to {path} ({kind}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="264"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="264"/>
        <source>Could not export to {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="267"/>
        <source>Export to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="164"/>
        <source>Imported {imported}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="166"/>
        <source>, already there {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="168"/>
        <source>, updated {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="169"/>
        <source>, skipped {count}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../views/trash_dialog.py" line="21"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="26"/>
        <source>Search the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="43"/>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="44"/>
        <source>Restore the selected contacts (Return, Alt+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="56"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="72"/>
        <source>Deleted contacts stay here (on every replica) until restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="46"/>
        <source>&amp;Delete forever…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="47"/>
        <source>Delete the selected contacts on every replica, for good (no undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="49"/>
        <source>&amp;Empty trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="50"/>
        <source>Delete every contact in the trash on every replica, for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="110"/>
        <source>This cannot be undone: the contacts are removed from every replica.</source>
        <translation>
            <numerusform>This cannot be undone: the contact is removed from every replica.</numerusform>
            <numerusform>This cannot be undone: the contacts are removed from every replica.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="123"/>
        <source>Delete “{0}” forever?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="123"/>
        <source>Delete %n contacts forever?</source>
        <translation>
            <numerusform>Delete %n contact forever?</numerusform>
            <numerusform>Delete %n contacts forever?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="125"/>
        <source>Delete forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="132"/>
        <source>Empty the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="132"/>
        <source>Delete all %n contact(s) in the trash forever?</source>
        <translation>
            <numerusform>Delete the %n contact in the trash forever?</numerusform>
            <numerusform>Delete all %n contacts in the trash forever?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="132"/>
        <source>Empty trash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
